/** Word and symbol tokens of lower-cased text, as 32-bit hashes in reusable buffers. */
export interface TokenStream {
  hashes: Int32Array;
  /** Code unit of a one-character symbol token, else 0 for a word. */
  symbols: Int32Array;
  count: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function createTokenStream(capacity: number): TokenStream {
  return { hashes: new Int32Array(capacity), symbols: new Int32Array(capacity), count: 0 };
}

function isWordCode(code: number): boolean {
  if (code < 0xc0) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39;
  // Letters of other scripts count as word characters; typographic quotes and dashes do not.
  return code === 0x2019 || !(code >= 0x2000 && code <= 0x206f);
}

/**
 * Splits lower-cased text into words (letters, digits folded to 0, straight or curly
 * apostrophes) and one-character symbols; a run of one symbol is a single token, so `**`
 * or `---` is one. Spaces and tabs are dropped; a line break is a symbol.
 */
export function tokenize(text: string, into: TokenStream): void {
  const capacity = into.hashes.length;
  const { hashes, symbols } = into;
  let count = 0;
  let hash = FNV_OFFSET;
  let inWord = false;
  let lastSymbol = -1;
  for (let index = 0; index < text.length; index += 1) {
    let code = text.charCodeAt(index);
    if (isWordCode(code)) {
      if (code >= 48 && code <= 57) code = 48;
      else if (code === 0x2019) code = 39;
      hash = Math.imul(hash ^ code, FNV_PRIME);
      inWord = true;
      lastSymbol = -1;
      continue;
    }
    if (inWord) {
      if (count >= capacity) break;
      hashes[count] = hash;
      symbols[count] = 0;
      count += 1;
      hash = FNV_OFFSET;
      inWord = false;
    }
    if (code === 32 || code === 9 || code === 13 || code === 160 || code === lastSymbol) continue;
    if (count >= capacity) break;
    lastSymbol = code;
    hashes[count] = Math.imul(FNV_OFFSET ^ (code + 0x10000), FNV_PRIME);
    symbols[count] = code;
    count += 1;
  }
  if (inWord && count < capacity) {
    hashes[count] = hash;
    symbols[count] = 0;
    count += 1;
  }
  into.count = count;
}

/** Token hashes of a short phrase (for cue lists and vocabularies). */
export function phraseHashes(phrase: string): number[] {
  const stream = createTokenStream(64);
  tokenize(phrase.toLowerCase(), stream);
  return Array.from(stream.hashes.subarray(0, stream.count));
}
