/**
 * A model answered, but not in the shape we asked for (malformed JSON, a schema
 * violation, a truncated answer). Worth another attempt; after the last one the
 * item is recorded as a failure, never guessed at.
 */
export class ModelOutputError extends Error {
  override readonly name = 'ModelOutputError';
  readonly isRetryable = true;
  readonly endpoint: string;
  readonly text: string | null;

  constructor(options: { message: string; endpoint: string; text?: string | null; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.endpoint = options.endpoint;
    this.text = options.text ?? null;
  }
}

export function isModelOutputError(error: unknown): error is ModelOutputError {
  return error instanceof Error && error.name === 'ModelOutputError';
}
