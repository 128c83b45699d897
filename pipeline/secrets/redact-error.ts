import { redactSecrets } from './redact.ts';

/**
 * Scrubs an error in place before anyone holds it: its message and stack (what BullMQ
 * stores as failedReason and stacktrace), its other text fields, and its whole cause
 * chain, each cause replaced by a plain copy with its text scrubbed (an SDK error keeps
 * the raw response body and headers in fields of its own). Returns the same error, so a
 * typed error stays typed. Anything thrown that is not an Error becomes one.
 */
export function redactError<E>(error: E, secrets: readonly string[] = []): E | Error {
  if (!(error instanceof Error)) return new Error(redactSecrets(String(error), secrets));
  scrubInPlace(error, secrets, new Set());
  return error;
}

function scrubInPlace(error: Error, secrets: readonly string[], seen: Set<unknown>): void {
  seen.add(error);
  const fields = error as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(error)) {
    if (name === 'cause') continue;
    const value = fields[name];
    if (typeof value !== 'string') continue;
    try {
      fields[name] = redactSecrets(value, secrets);
    } catch {
      // A read-only field (a getter on the class) cannot hold a secret of ours.
    }
  }
  if ('cause' in error && error.cause !== undefined) {
    Object.defineProperty(error, 'cause', { value: scrubbedCopy(error.cause, secrets, seen), writable: true, configurable: true, enumerable: false });
  }
}

function scrubbedCopy(cause: unknown, secrets: readonly string[], seen: Set<unknown>): unknown {
  if (seen.has(cause)) return undefined;
  if (!(cause instanceof Error)) return typeof cause === 'string' ? redactSecrets(cause, secrets) : undefined;
  const copy = new Error(redactSecrets(cause.message, secrets));
  copy.name = cause.name;
  copy.stack = cause.stack === undefined ? undefined : redactSecrets(cause.stack, secrets);
  // A network error's code (ECONNREFUSED, UND_ERR_SOCKET) tells the user what happened and holds no secret.
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code: redactSecrets(code, secrets) });
  seen.add(cause);
  if (cause.cause !== undefined) Object.defineProperty(copy, 'cause', { value: scrubbedCopy(cause.cause, secrets, seen), writable: true, configurable: true, enumerable: false });
  return copy;
}
