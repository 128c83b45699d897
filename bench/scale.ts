// A simulated run at scale on the queue: the bundled seeds grown by seed expansion to about N / 25 seeds (3% over),
// 25 rewrites each, one judge, one target sampled once, 4 worker processes x 16 jobs, against the
// simulator at 20 ms a call. Prints, per point: wall time, calls/s against the simulator's ideal
// (64 slots / 20 ms), time per stage (expand, generate, dedupe barrier, judge, probe, export), peak
// resident memory of every process, Redis memory, and that every seed and candidate is accounted for.
//   npm run bench:scale                          (10,000 candidates)
//   npm run bench:scale -- 10000 100000          (each point in turn; 100,000 takes a long while on 2 cores)
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { PROJECT_ROOT } from '../pipeline/input/project-root.ts';
import { readRunProgress } from '../workers/run-progress.ts';
import { runOnQueue } from '../workers/run-on-queue.ts';
import { BUNDLED_SEEDS, REWRITES, scaleConfig } from './support/scale-config.ts';
import { tearDownQueueBench } from './support/tear-down-queue-bench.ts';

const PROCESSES = 4;
const CONCURRENCY = 16;
const LATENCY_MS = 20;
const IDEAL_CALLS_PER_S = (PROCESSES * CONCURRENCY) / (LATENCY_MS / 1000);
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const points = process.argv.slice(2).map(Number).filter((value) => value > 0);

interface Figures {
  candidates: number;
  wallS: number;
  calls: number;
  stagesMs: Record<string, number>;
  exportMs: number;
  workerPeakRssMb: number[];
  submitterPeakRssMb: number;
  redisPeakMb: number;
  accounted: boolean;
  seeds: number;
}

const results: Figures[] = [];
for (const candidates of points.length > 0 ? points : [10_000]) results.push(await runPoint(candidates));
if (results.length > 1) {
  const [first, last] = [results[0]!, results.at(-1)!];
  const ratio = (a: number, b: number) => (b / a).toFixed(1);
  process.stdout.write(`growth ${first.candidates} -> ${last.candidates} candidates (x${ratio(first.candidates, last.candidates)}): wall x${ratio(first.wallS, last.wallS)}, ` +
    Object.keys(last.stagesMs).map((stage) => `${stage} x${ratio(first.stagesMs[stage] || 1, last.stagesMs[stage] || 1)}`).join(', ') +
    `, export x${ratio(first.exportMs, last.exportMs)}, worker peak RSS x${ratio(Math.max(...first.workerPeakRssMb), Math.max(...last.workerPeakRssMb))}, Redis peak x${ratio(first.redisPeakMb, last.redisPeakMb)}\n`);
}

async function runPoint(candidates: number): Promise<Figures> {
  const config = scaleConfig({ candidates, latencyMs: LATENCY_MS, concurrency: CONCURRENCY * 2 });
  const perCategory = config.seeds.expand.perCategory;
  const prefix = `bench-scale-${randomUUID()}`;
  const outputDir = await mkdtemp(join(tmpdir(), 'scarecrow-scale-'));
  const redis = new Redis(redisUrl);
  const workers: ChildProcess[] = [];
  try {
    for (let index = 0; index < PROCESSES; index += 1) {
      const child = spawn(process.execPath, ['bin/scarecrow.js', 'worker', '--concurrency', String(CONCURRENCY)], { cwd: PROJECT_ROOT, env: { ...process.env, REDIS_URL: redisUrl, SCARECROW_QUEUE_PREFIX: prefix }, stdio: ['ignore', 'ignore', 'pipe'] });
      let ready = '';
      await new Promise<void>((resolve) => child.stderr!.on('data', (chunk) => ((ready += chunk), ready.includes('serving') && resolve())));
      workers.push(child);
    }
    const redisBefore = await redisUsedMb(redis);
    let redisPeak = redisBefore;
    const started = performance.now();
    const { runId } = await runOnQueue({ loaded: { config, file: null, baseDir: PROJECT_ROOT }, redisUrl, prefix, outputDir, detach: true });
    let exportStarted: number | null = null;
    let progress = await readRunProgress({ redis, prefix, runId });
    while (progress.state !== 'done') {
      await sleep(500);
      redisPeak = Math.max(redisPeak, await redisUsedMb(redis));
      progress = await readRunProgress({ redis, prefix, runId });
      if (progress.state === 'export' && exportStarted === null) exportStarted = performance.now();
    }
    const ended = performance.now();
    const dir = join(outputDir, config.name);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { usage: Record<string, { calls: number }>; counts: Record<string, number>; timings_ms: Record<string, number> };
    const calls = Object.values(manifest.usage).reduce((sum, usage) => sum + usage.calls, 0);
    const { counts } = manifest;
    const rows = (name: string) => lineCount(join(dir, name));
    // Every candidate is a row, a duplicate or a failure; every seed is in seeds.jsonl.
    const accounted = counts.candidates === counts.generated && rows('data/all.jsonl') + rows('data/toxic.jsonl') === counts.judged && rows('duplicates.jsonl') === counts.duplicates_exact + counts.duplicates_near && rows('seeds.jsonl') === counts.seeds;
    const figures: Figures = {
      candidates: counts.generated,
      wallS: (ended - started) / 1000,
      calls,
      stagesMs: Object.fromEntries(['expand', 'generate', 'dedupe', 'judge', 'probe'].map((stage) => [stage, manifest.timings_ms[stage] ?? 0])),
      exportMs: exportStarted === null ? Number.NaN : ended - exportStarted,
      workerPeakRssMb: workers.map((child) => peakRssMb(child.pid!)),
      submitterPeakRssMb: peakRssMb(process.pid),
      redisPeakMb: redisPeak - redisBefore,
      accounted,
      seeds: counts.seeds,
    };
    const callsPerS = calls / figures.wallS;
    process.stdout.write([
      `scale bench: ${figures.candidates} candidates from ${figures.seeds} seeds (${BUNDLED_SEEDS} bundled + ${perCategory} generated per category) x ${REWRITES} rewrites, ${PROCESSES} worker processes x ${CONCURRENCY}, simulator ${LATENCY_MS} ms a call`,
      `  wall ${figures.wallS.toFixed(1)} s, ${calls} model calls, ${callsPerS.toFixed(0)} calls/s = ${((callsPerS / IDEAL_CALLS_PER_S) * 100).toFixed(1)}% of the ideal ${IDEAL_CALLS_PER_S} calls/s`,
      `  stages (ms): ${Object.entries(figures.stagesMs).map(([stage, ms]) => `${stage} ${ms}`).join(', ')}, export ${figures.exportMs.toFixed(0)} (from the export job's start to the run's end)`,
      `  peak RSS: workers ${figures.workerPeakRssMb.map((mb) => mb.toFixed(0)).join(' / ')} MB, submitter ${figures.submitterPeakRssMb.toFixed(0)} MB; Redis used_memory peak ${figures.redisPeakMb.toFixed(0)} MB above its ${redisBefore.toFixed(0)} MB before the run (sampled every 0.5 s)`,
      `  accounted for: ${figures.accounted ? 'every seed and candidate' : 'NO: counts and files disagree'} (${counts.judged} judged, ${counts.duplicates_exact + counts.duplicates_near} duplicates, ${counts.failed_candidates} failed, ${counts.seeds_failed} seeds failed)`,
      `  this machine: ${cpus().length} cores, load ${loadavg().map((value) => value.toFixed(1)).join(' ')}`,
    ].join('\n') + '\n');
    return figures;
  } finally {
    await tearDownQueueBench({ workers, redis, prefix, outputDir });
  }
}

function lineCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  return text === '' ? 0 : text.trimEnd().split('\n').length;
}

/** The process's peak resident set (VmHWM), in MB; read before it exits. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function redisUsedMb(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 'NaN') / 1024 / 1024;
}
