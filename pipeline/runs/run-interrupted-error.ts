const MARKER = Symbol.for('scarecrow.run-interrupted');

/**
 * A run stopped by its signal (Ctrl-C, SIGTERM). Its name stays AbortError, as for any
 * stop; it adds what was kept: the results in the journal, which the same command reuses.
 */
export class RunInterruptedError extends Error {
  override readonly name = 'AbortError';
  readonly [MARKER] = true;
  constructor(
    readonly details: { kept: number; journal: string },
    options: { cause?: unknown } = {},
  ) {
    super(`stopped; ${details.kept} results kept in ${details.journal}`, options);
  }

  static isInstance(error: unknown): error is RunInterruptedError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}
