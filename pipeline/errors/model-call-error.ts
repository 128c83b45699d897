/**
 * A model endpoint did not answer usefully. `isRetryable` tells the caller (the
 * in-process retry policy or a queue worker) whether another attempt can help;
 * `retryAfterMs` carries the provider's Retry-After so the whole endpoint can wait.
 */
export class ModelCallError extends Error {
  override readonly name = 'ModelCallError';
  readonly endpoint: string;
  readonly statusCode: number | null;
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | null;

  constructor(options: {
    message: string;
    endpoint: string;
    statusCode?: number | null;
    isRetryable: boolean;
    retryAfterMs?: number | null;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.endpoint = options.endpoint;
    this.statusCode = options.statusCode ?? null;
    this.isRetryable = options.isRetryable;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export function isModelCallError(error: unknown): error is ModelCallError {
  return error instanceof Error && error.name === 'ModelCallError';
}
