import { createHash } from 'node:crypto';
import { dedupe } from '../../pipeline/dedupe/dedupe-stage.ts';
import { findDuplicates, type DedupeStats } from '../../pipeline/dedupe/find-duplicates.ts';
import { scaleConfig } from '../support/scale-config.ts';
import { simulatedRewrites } from './simulated-rewrites.ts';

export interface SimulatedFigures {
  size: number;
  /** The dedupe stage's time, as the barrier runs it. */
  dedupeMs: number;
  /** Its CPU time (user + system): steadier than the wall time on a machine shared with other work. */
  cpuMs: number;
  peakRssBytes: number;
  stats: DedupeStats;
  kept: number;
  removedExact: number;
  removedNear: number;
  /** sha256 of the stage's output (kept ids in order, every duplicate record): the same before and after a change to how it is found. */
  outputHash: string;
}

/** Dedupes the simulator's rewrites of bench:scale's run of `size` candidates, as its barrier does. */
export async function measureSimulated(options: { size: number }): Promise<SimulatedFigures> {
  const candidates = await simulatedRewrites(options.size);
  const config = scaleConfig({ candidates: options.size, latencyMs: 0, concurrency: 1 });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const output = await dedupe({ candidates }, { config, models: { generator: null!, judges: [], targets: [], refusalJudge: null } });
  const dedupeMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const hash = createHash('sha256');
  for (const candidate of output.kept) hash.update(`${candidate.id}/${candidate.seed.id}\n`);
  for (const duplicate of output.duplicates) hash.update(JSON.stringify(duplicate) + '\n');
  // The figures of the near-duplicate search itself (one language here), run once more for its statistics.
  const unique = [...new Map(candidates.map((candidate) => [candidate.id, candidate])).values()];
  const { stats } = await findDuplicates({ items: unique, threshold: config.dedupe.threshold });
  return {
    size: candidates.length,
    dedupeMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssBytes,
    stats,
    kept: output.kept.length,
    removedExact: output.duplicates.filter((duplicate) => duplicate.kind === 'exact').length,
    removedNear: output.duplicates.filter((duplicate) => duplicate.kind === 'near').length,
    outputHash: hash.digest('hex'),
  };
}
