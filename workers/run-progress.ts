import type { Redis } from 'ioredis';
import { runKeys } from './run-keys.ts';
import { RunSummary } from './run-summary.ts';

export type RunState = 'unknown' | 'generate' | 'dedupe' | 'judge' | 'probe' | 'export' | 'done';

export interface RunProgress {
  runId: string;
  name: string | null;
  state: RunState;
  createdAt: number | null;
  finishedAt: number | null;
  seeds: number;
  generated: number;
  /** Survivors of dedupe; null until dedupe is done. */
  kept: number | null;
  judged: number;
  probeQueued: number;
  probed: number;
  settled: number;
  summary: RunSummary | null;
  rewritesPerSeed: number;
}

/** A run's counts per stage, in one round trip: cheap enough to poll. */
export async function readRunProgress(options: { redis: Redis; prefix: string; runId: string }): Promise<RunProgress> {
  const keys = runKeys(options.prefix, options.runId);
  const replies = (await options.redis
    .multi()
    .hmget(keys.run, 'state', 'createdAt', 'finishedAt', 'seeds', 'kept', 'summary', 'name', 'rewrites')
    .hlen(keys.generated)
    .hlen(keys.judged)
    .hlen(keys.probeQueued)
    .hlen(keys.probed)
    .hlen(keys.settled)
    .exec())!.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
  const [state, createdAt, finishedAt, seeds, kept, summary, name, rewrites] = replies[0] as (string | null)[];
  const [generated, judged, probeQueued, probed, settled] = replies.slice(1).map(Number) as [number, number, number, number, number];
  const progress: RunProgress = {
    runId: options.runId,
    name: name ?? null,
    state: 'unknown',
    createdAt: createdAt ? Number(createdAt) : null,
    finishedAt: finishedAt ? Number(finishedAt) : null,
    seeds: Number(seeds ?? 0),
    generated,
    kept: kept === null || kept === undefined ? null : Number(kept),
    judged,
    probeQueued,
    probed,
    settled,
    summary: summary ? RunSummary.parse(JSON.parse(summary)) : null,
    rewritesPerSeed: Number(rewrites ?? 1),
  };
  progress.state = stateOf(state ?? null, progress);
  return progress;
}

function stateOf(stored: string | null, progress: RunProgress): RunState {
  if (stored === null) return 'unknown';
  if (stored === 'done' || stored === 'export') return stored;
  if (progress.generated < progress.seeds) return 'generate';
  if (progress.kept === null) return 'dedupe';
  if (progress.judged < progress.kept) return 'judge';
  if (progress.settled < progress.kept) return 'probe';
  return 'export';
}

/** Seconds left, from the pace so far over the work known or estimated; null before there is a pace. */
export function estimateSecondsLeft(progress: RunProgress, options: { now?: number } = {}): number | null {
  if (progress.state === 'done' || progress.createdAt === null) return progress.state === 'done' ? 0 : null;
  const kept = progress.kept ?? progress.seeds * progress.rewritesPerSeed;
  const probeShare = progress.judged > 0 ? progress.probeQueued / progress.judged : 1;
  const total = progress.seeds + kept + Math.round(kept * probeShare);
  const done = progress.generated + progress.judged + progress.probed;
  if (done === 0) return null;
  const elapsed = ((options.now ?? Date.now()) - progress.createdAt) / 1000;
  return Math.max(0, Math.round((elapsed / done) * (total - done)));
}
