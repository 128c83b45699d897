import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Config } from '../../pipeline/schemas/config.ts';
import { exportDataset } from '../../pipeline/dataset/export-stage.ts';
import { largeOutcome } from './large-outcome.ts';

export interface ExportFigures {
  size: number;
  exportMs: number;
  /** The longest gap between two ticks of a 10 ms timer, less its period: how long Ctrl-C would wait. */
  longestBlockMs: number;
  p99DelayMs: number;
  dataBytes: number;
}

export async function measureExport(size: number): Promise<ExportFigures> {
  const outcome = largeOutcome(size);
  const outputDir = await mkdtemp(join(tmpdir(), 'scarecrow-export-bench-'));
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let longestGap = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 10);
  try {
    histogram.enable();
    const started = performance.now();
    const { dir } = await exportDataset({ outcome, usage: {}, timingsMs: {}, simulated: true }, { config: Config.parse({ name: 'bench' }), outputDir });
    const exportMs = performance.now() - started;
    histogram.disable();
    let dataBytes = 0;
    for (const file of ['data/all.jsonl', 'data/hard.jsonl', 'data/toxic.jsonl', 'duplicates.jsonl', 'failures.jsonl']) dataBytes += (await stat(join(dir, file))).size;
    await readdir(dir);
    return { size, exportMs, longestBlockMs: Math.max(0, longestGap - 10), p99DelayMs: histogram.percentile(99) / 1e6, dataBytes };
  } finally {
    clearInterval(probe);
    await rm(outputDir, { recursive: true, force: true });
  }
}
