import { mix32 } from '../text/hashing.ts';

/**
 * Calls `visit` with the 32-bit hash of every character shingle of `text`, computed
 * from char codes in place so no substring is allocated. Texts shorter than a shingle
 * are one shingle.
 */
export function forEachShingle(text: string, size: number, visit: (hash: number) => void): void {
  const last = Math.max(0, text.length - size);
  for (let start = 0; start <= last; start++) {
    let h = 0x811c9dc5;
    const end = Math.min(text.length, start + size);
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    visit(mix32(h));
  }
}
