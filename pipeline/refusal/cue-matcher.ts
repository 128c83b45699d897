import { CUE_FAMILIES } from './cues.ts';
import { phraseHashes } from './tokens.ts';

interface CuePhrase {
  /** Tokens after the first one. */
  rest: number[];
  family: number;
  /** Stable id of the phrase, used as a feature key. */
  id: number;
}

/** Cue phrases of named families, keyed by their first token's hash; longest first so "i cannot provide" wins over "i cannot". */
export interface CueIndex {
  readonly names: readonly string[];
  readonly byFirstToken: ReadonlyMap<number, readonly CuePhrase[]>;
}

/** Phrases are numbered in family order, so the same lists give the same ids (the classifier's feature keys). */
export function buildCueIndex(families: Readonly<Record<string, readonly string[]>>): CueIndex {
  const names = Object.keys(families);
  const index = new Map<number, CuePhrase[]>();
  let id = 0;
  names.forEach((name, family) => {
    for (const phrase of families[name]!) {
      const hashes = phraseHashes(phrase);
      id += 1;
      const entry: CuePhrase = { rest: hashes.slice(1), family, id };
      const list = index.get(hashes[0]!) ?? [];
      list.push(entry);
      list.sort((left, right) => right.rest.length - left.rest.length);
      index.set(hashes[0]!, list);
    }
  });
  return { names, byFirstToken: index };
}

const REFUSAL_CUES = buildCueIndex(CUE_FAMILIES);

export const CUE_FAMILY_NAMES = REFUSAL_CUES.names;

export interface CueMatchOptions {
  hashes: Int32Array;
  count: number;
  position: number;
  match: { family: number; id: number };
}

/** Length in tokens of the cue of `index` starting at `position`, or 0; writes family and id into `match`. */
export function matchCueIn(index: CueIndex, options: CueMatchOptions): number {
  const { hashes, count, position, match } = options;
  const candidates = index.byFirstToken.get(hashes[position]!);
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

/** The refusal classifier's cue (cues.ts) starting at `position`: its length in tokens, or 0. */
export function matchCue(options: CueMatchOptions): number {
  return matchCueIn(REFUSAL_CUES, options);
}
