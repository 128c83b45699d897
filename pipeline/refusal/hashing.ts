/**
 * 32-bit integer hashing for the feature hasher. Plain Math.imul arithmetic, so the same
 * text gives the same bucket on every platform and the committed weights stay valid.
 */
export function mixHash(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function combineHash(left: number, right: number): number {
  return mixHash(Math.imul(left, 0x9e3779b1) ^ right);
}

/** FNV-1a over UTF-16 code units; used for fixed feature names (namespaces, dense feature ids). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
