import { lineOfOffset } from './describe-issue.ts';

type PathPart = string | number | symbol;

/**
 * 1-based line of the value at `path` in a JSON text that JSON.parse accepted: the line
 * of its key for an object member, of the element itself for an array item. Walks the
 * real structure, so `judges[2].maxConcurrency` is found inside the third judge, not at
 * the first `maxConcurrency` of the file. When the path runs out of the text (a missing
 * field), the line of the deepest part that exists.
 */
export function lineOfPath(text: string, path: readonly PathPart[]): number | undefined {
  const scanner = new Scanner(text);
  let offset = scanner.skipSpace(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  let found = -1;
  for (const part of path) {
    const next = typeof part === 'number' ? scanner.element(offset, part) : scanner.member(offset, String(part));
    if (!next) break;
    found = next.at;
    offset = next.value;
  }
  return found < 0 ? undefined : lineOfOffset(text, found);
}

class Scanner {
  constructor(private readonly text: string) {}

  skipSpace(offset: number): number {
    while (offset < this.text.length && ' \t\r\n'.includes(this.text[offset]!)) offset += 1;
    return offset;
  }

  /** The last member named `key` of the object at `offset` (JSON.parse keeps the last of a repeated key). */
  member(offset: number, key: string): { at: number; value: number } | undefined {
    if (this.text[offset] !== '{') return undefined;
    let result: { at: number; value: number } | undefined;
    offset = this.skipSpace(offset + 1);
    while (this.text[offset] === '"') {
      const keyEnd = this.endOfString(offset);
      const name = JSON.parse(this.text.slice(offset, keyEnd)) as string;
      const value = this.skipSpace(this.skipSpace(keyEnd) + 1);
      if (name === key) result = { at: offset, value };
      offset = this.afterItem(value);
    }
    return result;
  }

  element(offset: number, index: number): { at: number; value: number } | undefined {
    if (this.text[offset] !== '[') return undefined;
    offset = this.skipSpace(offset + 1);
    for (let current = 0; offset < this.text.length && this.text[offset] !== ']'; current += 1) {
      if (current === index) return { at: offset, value: offset };
      offset = this.afterItem(offset);
    }
    return undefined;
  }

  /** Offset after the value at `offset` and its trailing comma, at the next item or the closing bracket. */
  private afterItem(offset: number): number {
    offset = this.skipSpace(this.endOfValue(offset));
    return this.text[offset] === ',' ? this.skipSpace(offset + 1) : offset;
  }

  private endOfValue(offset: number): number {
    const first = this.text[offset];
    if (first === '"') return this.endOfString(offset);
    if (first === '{' || first === '[') {
      let depth = 0;
      for (let index = offset; index < this.text.length; index += 1) {
        const char = this.text[index];
        if (char === '"') index = this.endOfString(index) - 1;
        else if (char === '{' || char === '[') depth += 1;
        else if ((char === '}' || char === ']') && --depth === 0) return index + 1;
      }
      return this.text.length;
    }
    let index = offset;
    while (index < this.text.length && !',}] \t\r\n'.includes(this.text[index]!)) index += 1;
    return index;
  }

  private endOfString(offset: number): number {
    for (let index = offset + 1; index < this.text.length; index += 1) {
      if (this.text[index] === '\\') index += 1;
      else if (this.text[index] === '"') return index + 1;
    }
    return this.text.length;
  }
}
