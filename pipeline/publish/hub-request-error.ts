import { UserError } from '../errors/user-error.ts';
import { redactSecrets } from '../secrets/redact.ts';

/**
 * Turns what the Hub client throws into a message for the user: the step, the status
 * and the Hub's own words, with the token scrubbed should it ever appear.
 */
export function hubRequestError(options: { step: string; error: unknown; hubUrl: string; token: string }): UserError {
  const { step, error, hubUrl, token } = options;
  const scrub = (text: string) => redactSecrets(text, [token]);
  const status = (error as { statusCode?: unknown }).statusCode;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof status === 'number') {
    const moved = ' (the repository changed while this push ran, perhaps another push: nothing was committed; run push again)';
    const hints: Record<number, string> = {
      401: ' (HF_TOKEN was rejected: check it is valid)',
      403: ' (HF_TOKEN lacks write access to this repository)',
      409: moved,
      412: moved,
    };
    const hint = hints[status] ?? '';
    return new UserError(scrub(`hub error while ${step}: ${status}${hint}: ${message}`), { field: 'hub' });
  }
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return new UserError(scrub(`hub error while ${step}: cannot reach ${hubUrl}${cause ? ` (${cause})` : ''}: ${message}`), { field: 'hub' });
}
