/**
 * A problem with what the user gave us (a file, a flag, a config field), as opposed to
 * a failure while running. The CLI prints the message alone, with no stack, and exits 2.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly details: { file?: string; line?: number; field?: string } = {},
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError';
}
