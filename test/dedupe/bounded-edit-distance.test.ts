import levenshtein from 'fast-levenshtein';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '../../pipeline/dedupe/bounded-edit-distance.ts';
import { seededRandom } from '../../pipeline/dedupe/minhash.ts';
import { edited, randomText } from './random-edits.ts';
import { WorkSlicer } from '../../pipeline/dedupe/work-slicer.ts';

describe('boundedEditDistance', () => {
  it('gives the Levenshtein distance whenever it is within the bound, and says "beyond" otherwise', async () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 300; trial++) {
      const a = randomText(random, 1 + Math.floor(random() * 120));
      const b = random() < 0.6 ? edited(random, a, Math.floor(random() * 25)) : randomText(random, 1 + Math.floor(random() * 120));
      const maxDistance = Math.floor(random() * 40);
      const expected = levenshtein.get(a, b);
      const result = await boundedEditDistance({ a, b, maxDistance, slicer: new WorkSlicer() });
      expect(result, `${a} / ${b} / ${maxDistance}`).toEqual(expected <= maxDistance ? { kind: 'within', distance: expected } : { kind: 'beyond' });
    }
  });

  it('settles two near-identical 1 MB prompts at once, and leaves a costly pair undecided within its budget', async () => {
    const random = seededRandom(12);
    const long = randomText(random, 1_000_000, 'abcdefghijklmnopqrstuvwxyz ');
    const started = performance.now();
    expect(await boundedEditDistance({ a: long, b: edited(random, long, 40), maxDistance: 150_000, slicer: new WorkSlicer() })).toMatchObject({ kind: 'within' });
    const other = randomText(random, 1_000_000, 'abcdefghijklmnopqrstuvwxyz ');
    expect(await boundedEditDistance({ a: long, b: other, maxDistance: 150_000, slicer: new WorkSlicer(), budgetCells: 20_000_000 })).toEqual({ kind: 'undecided' });
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
