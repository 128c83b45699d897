/** Two items given to dedupe share an id; the survivors would be ambiguous, so nothing is decided. */
export class DuplicateIdError extends Error {
  override readonly name = 'DuplicateIdError';
  constructor(readonly id: string) {
    super(`duplicate id "${id}": ids given to dedupe must be unique`);
  }
}
