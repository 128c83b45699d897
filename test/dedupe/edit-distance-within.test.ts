import levenshtein from 'fast-levenshtein';
import { describe, expect, it } from 'vitest';
import { editDistanceWithin } from '../../pipeline/dedupe/edit-distance-within.ts';
import { seededRandom } from '../../pipeline/dedupe/minhash.ts';
import { edited, randomText } from './random-edits.ts';

describe('editDistanceWithin', () => {
  it('gives the Levenshtein distance whenever it is within the bound, and the bound plus one otherwise', () => {
    const random = seededRandom(21);
    // Astral characters count as two code units, as fast-levenshtein counts them.
    const alphabets = [[...'ab '], [...'abcdefghij '], ['a', 'b', '😀', 'ü', ' ']];
    for (let trial = 0; trial < 1500; trial++) {
      const alphabet = alphabets[trial % alphabets.length];
      const a = randomText(random, Math.floor(random() * 90), alphabet);
      const b = random() < 0.6 ? edited(random, a, Math.floor(random() * 20)) : randomText(random, Math.floor(random() * 90), alphabet);
      const maxDistance = Math.floor(random() * 30);
      const expected = levenshtein.get(a, b);
      expect(editDistanceWithin(a, b, maxDistance), `${a} / ${b} / ${maxDistance}`).toBe(Math.min(expected, maxDistance + 1));
    }
  });

  it('handles empty and identical texts', () => {
    expect(editDistanceWithin('', '', 0)).toBe(0);
    expect(editDistanceWithin('', 'abc', 3)).toBe(3);
    expect(editDistanceWithin('abc', '', 2)).toBe(3);
    expect(editDistanceWithin('same text', 'same text', 0)).toBe(0);
    expect(editDistanceWithin('kitten', 'sitting', 3)).toBe(3);
    expect(editDistanceWithin('kitten', 'sitting', 2)).toBe(3);
  });
});
