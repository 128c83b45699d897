import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeOutcome } from '../../bench/export/large-outcome.ts';
import { toJsonl } from '../../pipeline/dataset/write-atomically.ts';
import { measureDiversity, measureDiversityYielding } from '../../pipeline/diversity/measure-diversity.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { exportDataset } from '../../pipeline/dataset/export-stage.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

/** The longest gap between the ticks of a 10 ms timer while `work` runs: how long Ctrl-C would have waited. */
async function longestBlockDuring<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; longestBlock: number }> {
  let longestBlock = 0;
  let last = performance.now();
  const heartbeat = setInterval(() => {
    const now = performance.now();
    longestBlock = Math.max(longestBlock, now - last);
    last = now;
  }, 10);
  try {
    const [result] = await Promise.allSettled([work()]);
    return { result: result!, longestBlock };
  } finally {
    clearInterval(heartbeat);
  }
}

describe('export of a large dataset', () => {
  it('gives the same diversity figures yielding as straight through', async () => {
    const items = largeOutcome(3_000).records.map((record) => ({ prompt: record.prompt, category: record.category }));
    expect(await measureDiversityYielding(items)).toEqual(measureDiversity(items));
  });

  it('keeps the event loop free and stops within a second of an abort, writing nothing', async () => {
    const outputDir = await temp.make();
    const controller = new AbortController();
    let abortedAt = 0;
    const abort = setTimeout(() => {
      abortedAt = performance.now();
      controller.abort(new DOMException('interrupted', 'AbortError'));
    }, 500);
    try {
      const { result, longestBlock } = await longestBlockDuring(() =>
        exportDataset({ outcome: largeOutcome(20_000), usage: {}, timingsMs: {}, simulated: true }, { config: Config.parse({ name: 'large' }), outputDir, signal: controller.signal }),
      );
      expect(result.status, 'the export ran to the end despite the abort').toBe('rejected');
      expect(String((result as PromiseRejectedResult).reason)).toMatch(/interrupted/);
      expect(abortedAt, 'the abort timer never ran: the export blocked the event loop throughout').toBeGreaterThan(0);
      expect(performance.now() - abortedAt).toBeLessThan(1000);
      expect(longestBlock).toBeLessThan(1000);
      expect(await readdir(outputDir)).toEqual([]);
    } finally {
      clearTimeout(abort);
    }
  }, 60_000);

  it('stopped while its data files are being written, it leaves the dataset in place as it was and no temp folder', async () => {
    const outputDir = await temp.make({ 'large/data/all.jsonl': '{"earlier":true}\n' });
    const controller = new AbortController();
    // Abort the moment the writer's temp folder appears: the data files are then being written.
    let abortedAt = 0;
    const watch = setInterval(() => {
      void readdir(outputDir).then((entries) => {
        if (abortedAt > 0 || !entries.some((entry) => entry.startsWith('.large.partial-'))) return;
        abortedAt = performance.now();
        controller.abort(new DOMException('interrupted', 'AbortError'));
      });
    }, 2);
    try {
      const { result, longestBlock } = await longestBlockDuring(() =>
        exportDataset({ outcome: largeOutcome(20_000), usage: {}, timingsMs: {}, simulated: true }, { config: Config.parse({ name: 'large' }), outputDir, signal: controller.signal }),
      );
      expect(abortedAt, 'the temp folder was never seen').toBeGreaterThan(0);
      expect(result.status, 'the export ran to the end despite the abort').toBe('rejected');
      expect(String((result as PromiseRejectedResult).reason)).toMatch(/interrupted/);
      expect(performance.now() - abortedAt).toBeLessThan(1000);
      expect(longestBlock).toBeLessThan(1000);
      expect(await readdir(outputDir)).toEqual(['large']);
      expect(await readFile(join(outputDir, 'large/data/all.jsonl'), 'utf8')).toBe('{"earlier":true}\n');
    } finally {
      clearInterval(watch);
    }
  }, 60_000);

  it('writes the data files byte for byte as one JSONL text of the sorted records would be', async () => {
    const outputDir = await temp.make();
    const outcome = largeOutcome(6_000);
    // Text that is more than one byte a character in UTF-8, on both sides of where the writer's chunks end.
    for (const record of outcome.records) record.prompt = `${record.prompt} — «naïve» 日本語 🙂`;
    const { dir } = await exportDataset({ outcome, usage: {}, timingsMs: {}, simulated: true }, { config: Config.parse({ name: 'large' }), outputDir });
    const sorted = [...outcome.records].sort((a, b) => (a.id < b.id ? -1 : 1));
    const all = sorted.filter((record) => record.label !== 'harmful');
    expect(await readFile(join(dir, 'data/all.jsonl'), 'utf8')).toBe(toJsonl(all));
    expect(await readFile(join(dir, 'data/hard.jsonl'), 'utf8')).toBe(toJsonl(all.filter((record) => record.hard)));
    expect(await readFile(join(dir, 'data/toxic.jsonl'), 'utf8')).toBe(toJsonl(sorted.filter((record) => record.label === 'harmful')));
    expect(await readFile(join(dir, 'duplicates.jsonl'), 'utf8')).toBe(toJsonl(outcome.duplicates));
    expect(await readFile(join(dir, 'failures.jsonl'), 'utf8')).toBe(toJsonl(outcome.failures));
    expect((await readFile(join(dir, 'data/all.jsonl'))).length).toBeGreaterThan(3 << 20);
  }, 60_000);
});
