import { fnv1a, mix32, seededRandom } from '../pipeline/text/hashing.ts';

/**
 * Seeded hashing and pseudo-randomness. Every simulated answer is drawn from a PRNG
 * seeded by a hash of the request, so the same request always gets the same bytes,
 * whatever the order, timing or concurrency of the calls around it.
 */

/** FNV-1a with a final avalanche, because FNV-1a alone leaves short inputs poorly mixed. */
export function hashString(text: string): number {
  return mix32(fnv1a(text));
}

/** Hash of several parts, joined so that ('ab', 'c') and ('a', 'bc') differ. */
export function hashParts(...parts: Array<string | number>): number {
  return hashString(parts.map(String).join('\u241f'));
}

/** A hash mapped to [0, 1). */
export function unitHash(...parts: Array<string | number>): number {
  return hashParts(...parts) / 4294967296;
}

/** JSON with object keys sorted, so equal values always serialise to equal strings. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** mulberry32: tiny, fast and good enough for picking templates. */
export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    sample: (items, count) => {
      const pool = [...items];
      for (let index = pool.length - 1; index > 0; index--) {
        const other = int(0, index);
        [pool[index], pool[other]] = [pool[other], pool[index]];
      }
      return pool.slice(0, Math.max(0, count));
    },
  };
}
