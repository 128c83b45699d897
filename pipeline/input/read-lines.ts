import { createReadStream } from 'node:fs';
import { UserError } from '../errors/user-error.ts';
import { formatBytes } from '../schemas/input-limits.ts';

export interface ReadLinesOptions {
  /** A longer line is refused as soon as the reader gets past the limit, without reading the rest of it. */
  maxLineBytes: number;
  /** More non-blank lines than this are refused. */
  maxRows: number;
  /** What the file is, for messages: "seed file", "dataset". */
  what: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** How long a stretch of lines may run before the reader lets timers and signal handlers in. */
const YIELD_EVERY_MS = 50;

/**
 * The lines of a text file (1-based numbers, line ends and a leading byte-order mark
 * removed), read as bytes a chunk at a time: a line is refused when it passes
 * `maxLineBytes` or is not valid UTF-8, naming the file and line, so a bad byte is never
 * quietly turned into U+FFFD. Blank lines are yielded too; only non-blank ones count as rows.
 */
export async function* readLines(file: string, options: ReadLinesOptions): AsyncGenerator<{ line: number; text: string }> {
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  let rows = 0;
  let lastYield = performance.now();
  const finish = (bytes: Buffer): { line: number; text: string } => {
    line += 1;
    let text = decodeLine({ bytes, file, line });
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() !== '' && ++rows > options.maxRows) {
      throw new UserError(`${file}:${line}: more than ${options.maxRows.toLocaleString('en-US')} rows, the limit for a ${options.what}`, { file, line });
    }
    return { line, text };
  };
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(10); end >= 0; start = end + 1, end = chunk.indexOf(10, start)) {
        checkLength({ bytes: pendingBytes + end - start, file, line: line + 1, options });
        const piece = chunk.subarray(start, end);
        const bytes = pending.length === 0 ? piece : Buffer.concat([...pending.splice(0), piece]);
        pendingBytes = 0;
        yield finish(bytes);
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        checkLength({ bytes: pendingBytes, file, line: line + 1, options });
      }
    }
  } catch (error) {
    stream.destroy();
    if ((error as NodeJS.ErrnoException).code && !(error instanceof UserError)) {
      throw new UserError(`${file}: cannot read the ${options.what} (${(error as NodeJS.ErrnoException).code})`, { file });
    }
    throw error;
  }
  if (pendingBytes > 0) yield finish(Buffer.concat(pending));
}

function checkLength(options: { bytes: number; file: string; line: number; options: ReadLinesOptions }): void {
  const { bytes, file, line } = options;
  if (bytes <= options.options.maxLineBytes) return;
  throw new UserError(`${file}:${line}: line longer than ${formatBytes(options.options.maxLineBytes)}, the limit for a ${options.options.what}`, { file, line });
}

/** Strict UTF-8: invalid bytes are the user's error, named by line, never replaced. */
export function decodeLine(options: { bytes: Uint8Array; file: string; line: number }): string {
  try {
    return decoder.decode(options.bytes);
  } catch {
    throw new UserError(`${options.file}:${options.line}: not valid UTF-8 (save the file as UTF-8)`, { file: options.file, line: options.line });
  }
}

/** A whole small file (a config) as strict UTF-8, naming the first line that is not. */
export function decodeUtf8(options: { bytes: Buffer; file: string }): string {
  const { bytes, file } = options;
  try {
    return decoder.decode(bytes);
  } catch {
    let line = 1;
    for (let start = 0; ; line += 1) {
      const end = bytes.indexOf(10, start);
      decodeLine({ bytes: bytes.subarray(start, end < 0 ? bytes.length : end), file, line });
      if (end < 0) break;
      start = end + 1;
    }
    throw new UserError(`${file}: not valid UTF-8 (save the file as UTF-8)`, { file });
  }
}
