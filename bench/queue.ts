// Throughput of the queue runner: 4 worker processes x 16 jobs each against the simulator at a fixed
// 100 ms per call. The measured phase is judging with one judge and no targets, so every job makes
// exactly one model call and only one stage runs (a worker's concurrency is per stage; with judge
// and probe jobs both running it would have twice the slots; with no targets a judged candidate
// settles in its judge job). Ideal: 64 slots / 0.1 s = 640 calls/s.
//   npm run bench:queue            (REDIS_URL respected)
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
import { Config } from '../pipeline/schemas/config.ts';
import { runInProcess } from '../in-process/run-in-process.ts';
import { readRunProgress } from '../workers/run-progress.ts';
import { runOnQueue } from '../workers/run-on-queue.ts';
import { tearDownQueueBench } from './support/tear-down-queue-bench.ts';

const PROCESSES = 4;
const CONCURRENCY = 16;
const LATENCY_MS = 100;
const SLOTS = PROCESSES * CONCURRENCY;
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `bench-${randomUUID()}`;
const role = (model: string) => ({ model, maxConcurrency: CONCURRENCY * 2 });
const config = Config.parse({
  name: 'bench-queue',
  seeds: { paths: ['seeds'] },
  generator: role('sim-generator'),
  judges: [role('sim-judge-1')],
  targets: [],
  generate: { rewritesPerSeed: 20 },
  probe: { samples: 1 },
  simulator: { seed: 1, latencyMs: LATENCY_MS },
});

const cli = ['bin/scarecrow.js'];
const workers: ChildProcess[] = [];
const outputDir = await mkdtemp(join(tmpdir(), 'scarecrow-bench-'));
const redis = new Redis(redisUrl);
try {
  const inProcessCpuMs = await inProcessCpuPerCall();
  for (let index = 0; index < PROCESSES; index += 1) {
    const child = spawn(process.execPath, [...cli, 'worker', '--concurrency', String(CONCURRENCY)], { cwd: PROJECT_ROOT, env: { ...process.env, REDIS_URL: redisUrl, SCARECROW_QUEUE_PREFIX: prefix }, stdio: ['ignore', 'ignore', 'pipe'] });
    let ready = '';
    await new Promise<void>((resolve) => child.stderr!.on('data', (chunk) => ((ready += chunk), ready.includes('serving') && resolve())));
    workers.push(child);
  }

  const redisCpuBefore = await redisCpuMs();
  const scriptCallsBefore = await scriptCalls();
  const workerCpuBefore = workers.reduce((sum, child) => sum + processCpuMs(child.pid!), 0); // start-up (compiling TypeScript) is not per-call work
  const started = performance.now();
  const { runId } = await runOnQueue({ loaded: { config, file: null, baseDir: PROJECT_ROOT }, redisUrl, prefix, outputDir, detach: true });
  // Jobs done over time; each job is one model call.
  // Round trips to Redis while judging, timed from here: what a worker's own calls wait for.
  const samples: { t: number; judged: number }[] = [];
  const roundTrips: number[] = [];
  let last = await readRunProgress({ redis, prefix, runId });
  while (last.state !== 'done') {
    samples.push({ t: performance.now(), judged: last.stages.find((stage) => stage.stage === 'judge')?.done ?? 0 });
    await sleep(50);
    const sent = performance.now();
    last = await readRunProgress({ redis, prefix, runId });
    if (last.state === 'judge') roundTrips.push(performance.now() - sent);
  }
  const wallS = (performance.now() - started) / 1000;
  const redisCpu = (await redisCpuMs()) - redisCpuBefore;
  const scriptCallsDuring = (await scriptCalls()) - scriptCallsBefore;
  const workerCpu = workers.reduce((sum, child) => sum + processCpuMs(child.pid!), 0) - workerCpuBefore;
  const manifest = JSON.parse(readFileSync(join(outputDir, config.name, 'manifest.json'), 'utf8')) as { usage: Record<string, { calls: number }>; counts: Record<string, number> };
  const calls = Object.values(manifest.usage).reduce((sum, usage) => sum + usage.calls, 0);

  // Steady state: judge jobs between 10% and 90% of their total, clear of ramp-up and the dedupe barrier.
  const total = samples.at(-1)!.judged;
  const from = samples.find((sample) => sample.judged >= total * 0.1)!;
  const to = samples.find((sample) => sample.judged >= total * 0.9)!;
  const steady = (to.judged - from.judged) / ((to.t - from.t) / 1000);
  const ideal = SLOTS / (LATENCY_MS / 1000);
  const slotMsPerJob = (SLOTS / steady) * 1000;
  const lines = [
    `queue bench: ${PROCESSES} worker processes x ${CONCURRENCY} concurrency, simulator latency ${LATENCY_MS} ms, one model call per job`,
    `  run: ${manifest.counts.seeds} seeds, ${calls} model calls, ${wallS.toFixed(1)} s wall (including the dedupe barrier and the export)`,
    `  steady state (judge jobs 10-90%): ${steady.toFixed(0)} calls/s vs ideal ${ideal.toFixed(0)} calls/s = ${((steady / ideal) * 100).toFixed(1)}% (goal >= 90%)`,
    `  whole run: ${(calls / wallS).toFixed(0)} calls/s = ${((calls / wallS / ideal) * 100).toFixed(1)}% of ideal`,
    `  per job: ${slotMsPerJob.toFixed(1)} ms of a slot against the simulator's ${LATENCY_MS} ms: ${(slotMsPerJob - LATENCY_MS).toFixed(2)} ms/job of queue, client, simulator server and waiting for a core`,
    `  Redis per job: ${(scriptCallsDuring / calls).toFixed(1)} script calls (BullMQ's and the result's; lock renewals, adds and the barriers included), round trip while judging p50 ${quantile(roundTrips, 0.5).toFixed(2)} ms / p95 ${quantile(roundTrips, 0.95).toFixed(2)} ms -> about ${((scriptCallsDuring / calls) * quantile(roundTrips, 0.5)).toFixed(2)} ms of waiting on Redis per job (goal <= 3 ms); ${(redisCpu / calls).toFixed(2)} ms of Redis CPU`,
    `  CPU per call: workers ${(workerCpu / calls).toFixed(2)} ms, each running its own simulator (in-process runner ${inProcessCpuMs.toFixed(2)} ms, so the queue adds ${(workerCpu / calls - inProcessCpuMs).toFixed(2)} ms)`,
    `  this machine: ${cpus().length} cores, load ${loadavg().map((value) => value.toFixed(1)).join(' ')}; on a CPU-starved machine calls/s is bounded by CPU, not the queue`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  await tearDownQueueBench({ workers, redis, prefix, outputDir });
}

/** CPU per model call of the in-process runner on a slice of the same run, for comparison. */
async function inProcessCpuPerCall(): Promise<number> {
  const slice = Config.parse({ ...config, name: 'bench-in-process', seeds: { ...config.seeds, limit: 6 } });
  const before = process.cpuUsage();
  const result = await runInProcess({ loaded: { config: slice, file: null, baseDir: PROJECT_ROOT }, outputDir });
  const used = process.cpuUsage(before);
  const calls = Object.values(result.exported.manifest.usage).reduce((sum, usage) => sum + usage.calls, 0);
  return (used.user + used.system) / 1000 / calls;
}

function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}

/** Lua script calls Redis has run, all clients together: BullMQ's commands and the result script are scripts. */
async function scriptCalls(): Promise<number> {
  const info = await redis.info('commandstats');
  return Number(/cmdstat_evalsha:calls=(\d+)/.exec(info)?.[1] ?? 0) + Number(/cmdstat_eval:calls=(\d+)/.exec(info)?.[1] ?? 0);
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function redisCpuMs(): Promise<number> {
  const info = await redis.info('cpu');
  const value = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 'NaN');
  return (value('used_cpu_sys') + value('used_cpu_user')) * 1000;
}
