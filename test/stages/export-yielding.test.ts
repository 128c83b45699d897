import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../pipeline/dataset/run-outcome.ts';
import { measureDiversity, measureDiversityYielding } from '../../pipeline/diversity/measure-diversity.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { exportDataset } from '../../pipeline/stages/export.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const CATEGORIES = ['violence', 'privacy', 'illegal', 'hate'] as const;
const WORDS = 'how do i kill a python process that ignores the signal and keeps running after the shell exits on linux'.split(' ');

/** A large outcome: 20,000 distinct records, the size at which the old export blocked the event loop for seconds. */
function largeOutcome(count: number): RunOutcome {
  const records = Array.from({ length: count }, (_, index) => {
    const words = Array.from({ length: 14 }, (_, position) => WORDS[(index * 7 + position * (index % 13 + 1)) % WORDS.length]);
    const category = CATEGORIES[index % CATEGORIES.length]!;
    return {
      id: index.toString(16).padStart(16, '0'),
      prompt: `${words.join(' ')} ${index}?`,
      category,
      judged_category: null,
      label: 'benign',
      hard: index % 3 === 0,
      seed: { id: `${category}-${index % 50}`, concept: 'a concept', category },
      pattern: 'homonym',
      generator: { model: 'sim-generator', template: 'generate-v1' },
      votes: [{ model: 'sim-judge-1', verdict: 'benign', category: null, rationale: 'An honest answer would not help anyone cause harm.' }],
      probes: [{ model: 'sim-target', samples: 3, refusals: 0, refusal_rate: 0, decided_by: { classifier: 3, judge: 0 } }],
    };
  });
  return { seeds: [], generated: count, records, duplicates: [], failures: [] } as unknown as RunOutcome;
}

describe('export of a large dataset', () => {
  it('gives the same diversity figures yielding as straight through', async () => {
    const items = largeOutcome(3_000).records.map((record) => ({ prompt: record.prompt, category: record.category }));
    expect(await measureDiversityYielding(items)).toEqual(measureDiversity(items));
  });

  it('keeps the event loop free and stops within a second of an abort, writing nothing', async () => {
    const outputDir = await temp.make();
    const controller = new AbortController();
    let longestBlock = 0;
    let last = performance.now();
    const heartbeat = setInterval(() => {
      const now = performance.now();
      longestBlock = Math.max(longestBlock, now - last);
      last = now;
    }, 10);
    let abortedAt = 0;
    const abort = setTimeout(() => {
      abortedAt = performance.now();
      controller.abort(new DOMException('interrupted', 'AbortError'));
    }, 500);
    try {
      const exporting = exportDataset(
        { outcome: largeOutcome(20_000), usage: {}, timingsMs: {}, simulated: true },
        { config: Config.parse({ name: 'large' }), outputDir, signal: controller.signal },
      );
      await expect(exporting).rejects.toThrow(/interrupted/);
      expect(abortedAt, 'the abort timer never ran: the export blocked the event loop throughout').toBeGreaterThan(0);
      expect(performance.now() - abortedAt).toBeLessThan(1000);
      expect(longestBlock).toBeLessThan(1000);
      expect(await readdir(outputDir)).toEqual([]);
    } finally {
      clearInterval(heartbeat);
      clearTimeout(abort);
    }
  }, 60_000);
});
