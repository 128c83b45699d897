import { CUE_FAMILIES } from './cues.ts';
import { phraseHashes } from './tokens.ts';

interface CuePhrase {
  /** Tokens after the first one. */
  rest: number[];
  family: number;
  /** Stable id of the phrase, used as a feature key. */
  id: number;
}

export const CUE_FAMILY_NAMES = Object.keys(CUE_FAMILIES);

/** Phrases keyed by their first token's hash; longest first so "i cannot provide" wins over "i cannot". */
function buildIndex(): Map<number, CuePhrase[]> {
  const index = new Map<number, CuePhrase[]>();
  let id = 0;
  CUE_FAMILY_NAMES.forEach((name, family) => {
    for (const phrase of CUE_FAMILIES[name]) {
      const hashes = phraseHashes(phrase);
      id += 1;
      const entry: CuePhrase = { rest: hashes.slice(1), family, id };
      const list = index.get(hashes[0]) ?? [];
      list.push(entry);
      list.sort((left, right) => right.rest.length - left.rest.length);
      index.set(hashes[0], list);
    }
  });
  return index;
}

const CUE_INDEX = buildIndex();

/** Length in tokens of the cue starting at `position`, or 0; writes family and id into `match`. */
export function matchCue(options: { hashes: Int32Array; count: number; position: number; match: { family: number; id: number } }): number {
  const { hashes, count, position, match } = options;
  const candidates = CUE_INDEX.get(hashes[position]);
  if (candidates === undefined) return 0;
  for (const candidate of candidates) {
    const { rest } = candidate;
    if (position + rest.length >= count) continue;
    let same = true;
    for (let offset = 0; offset < rest.length; offset += 1) {
      if (hashes[position + 1 + offset] !== rest[offset]) {
        same = false;
        break;
      }
    }
    if (same) {
      match.family = candidate.family;
      match.id = candidate.id;
      return rest.length + 1;
    }
  }
  return 0;
}
