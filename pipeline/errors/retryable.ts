import { isModelCallError } from './model-call-error.ts';
import { isModelOutputError } from './model-output-error.ts';
import { redactSecrets } from '../secrets/redact.ts';

/** Whether another attempt at the same call can succeed. Unknown errors are not retried. */
export function isRetryableError(error: unknown): boolean {
  return (isModelCallError(error) && error.isRetryable) || isModelOutputError(error);
}

/** The provider's requested wait, when it gave one. */
export function retryAfterOf(error: unknown): number | null {
  return isModelCallError(error) ? error.retryAfterMs : null;
}

/** The reason recorded for a failed item. Key-like tokens are masked once more, whatever made the error. */
export function describeError(error: unknown): string {
  return redactSecrets(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

/**
 * Whether an error belongs to one item (a model that failed or answered badly for
 * this seed or candidate), so the item is recorded as failed and the run goes on.
 * Anything else is a fault in the run itself and stops it.
 */
export function isItemError(error: unknown): boolean {
  return isModelCallError(error) || isModelOutputError(error);
}
