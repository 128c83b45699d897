/** Survives a second copy of this module and tells a real one from an Error that only carries its name. */
const MARKER: unique symbol = Symbol.for('scarecrow.error.ModelOutputError');

/**
 * A model answered, but not in the shape we asked for (malformed JSON, a schema
 * violation, a truncated answer). Worth another attempt; after the last one the
 * item is recorded as a failure, never guessed at.
 */
export class ModelOutputError extends Error {
  override readonly name = 'ModelOutputError';
  readonly [MARKER] = true;
  readonly isRetryable = true;
  readonly endpoint: string;
  readonly text: string | null;

  constructor(options: { message: string; endpoint: string; text?: string | null; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.endpoint = options.endpoint;
    this.text = options.text ?? null;
  }

  static isInstance(error: unknown): error is ModelOutputError {
    return typeof error === 'object' && error !== null && (error as { [MARKER]?: unknown })[MARKER] === true;
  }
}

export function isModelOutputError(error: unknown): error is ModelOutputError {
  return ModelOutputError.isInstance(error);
}
