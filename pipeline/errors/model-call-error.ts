/** Survives a second copy of this module and tells a real one from an Error that only carries its name. */
const MARKER: unique symbol = Symbol.for('scarecrow.error.ModelCallError');

/**
 * A provider's Retry-After is honoured within this window. A longer one (a misconfigured
 * proxy, a day-long quota reset) would park a run for no good reason: normal backoff applies.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Statuses worth another attempt: timeouts, conflicts, rate limits, server errors, and no status at all. */
export function isRetryableStatus(statusCode: number | null): boolean {
  return statusCode === null || statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/**
 * A model endpoint did not answer usefully. `isRetryable` tells the caller (the
 * in-process retry policy or a queue worker) whether another attempt can help, from the
 * status unless told otherwise; `retryAfterMs` carries the provider's Retry-After, when
 * sane, so the whole endpoint can wait.
 */
export class ModelCallError extends Error {
  override readonly name = 'ModelCallError';
  readonly [MARKER] = true;
  readonly endpoint: string;
  readonly statusCode: number | null;
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | null;

  constructor(options: {
    message: string;
    endpoint: string;
    statusCode?: number | null;
    isRetryable?: boolean;
    retryAfterMs?: number | null;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.endpoint = options.endpoint;
    this.statusCode = options.statusCode ?? null;
    this.isRetryable = options.isRetryable ?? isRetryableStatus(this.statusCode);
    const wait = options.retryAfterMs ?? null;
    this.retryAfterMs = wait !== null && wait >= 0 && wait <= MAX_RETRY_AFTER_MS ? wait : null;
  }

  static isInstance(error: unknown): error is ModelCallError {
    return typeof error === 'object' && error !== null && (error as { [MARKER]?: unknown })[MARKER] === true;
  }
}

export function isModelCallError(error: unknown): error is ModelCallError {
  return ModelCallError.isInstance(error);
}
