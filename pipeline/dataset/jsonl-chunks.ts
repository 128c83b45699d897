/** About this many characters of JSONL go in one chunk: big enough that writes are few, small enough that making one takes a few milliseconds. */
const CHUNK_CHARACTERS = 1 << 20;

/**
 * The text of toJsonl(rows), in chunks of whole lines, so a large dataset is written
 * without one string ever holding a whole file, and without serialising it all in one
 * go: the writer lets the event loop in between chunks.
 */
export function* jsonlChunks(rows: readonly unknown[]): Generator<string, void, void> {
  let lines: string[] = [];
  let characters = 0;
  for (const row of rows) {
    const line = JSON.stringify(row);
    lines.push(line);
    characters += line.length + 1;
    if (characters < CHUNK_CHARACTERS) continue;
    yield lines.join('\n') + '\n';
    lines = [];
    characters = 0;
  }
  if (lines.length > 0) yield lines.join('\n') + '\n';
}
