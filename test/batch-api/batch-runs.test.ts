import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { runInProcess } from '../../in-process/run-in-process.ts';
import type { LoadedConfig } from '../../pipeline/input/load-config.ts';
import type { RunEvent } from '../../pipeline/runs/run-events.ts';
import { RunInterruptedError } from '../../pipeline/runs/run-interrupted-error.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { datasetFiles, REDIS_URL, smallConfig, useQueueFixture } from '../queue/support.ts';
import { runOnQueue } from '../../workers/run-on-queue.ts';
import { prepareRunSpec, submitRun } from '../../workers/submit-run.ts';

const temp = useTempDir();

const SMALL = { seeds: { paths: ['seeds'], categories: ['privacy'], limit: 2 }, generate: { rewritesPerSeed: 2 }, simulator: { seed: 5, latencyMs: 0 } };

/** The default roles, each with batch on or off. */
function roles(batch: boolean, baseURL?: string) {
  const role = (model: string) => ({ model, batch, ...(baseURL ? { baseURL } : {}) });
  return { generator: role('sim-generator'), judges: [role('sim-judge-1'), role('sim-judge-2'), role('sim-judge-3')], targets: [role('sim-target')] };
}

async function usageOf(dir: string): Promise<Record<string, { calls: number; promptTokens: number; completionTokens: number }>> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  return Object.fromEntries(Object.entries(manifest.usage as Record<string, { calls: number; promptTokens: number; completionTokens: number }>).map(([role, usage]) => [role, { calls: usage.calls, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens }]));
}

describe('roles with batch: true', () => {
  it('write the same dataset, with the same calls and tokens, as direct calls, in-process and on the queue, failed lines made directly', async () => {
    const direct = smallConfig({ ...SMALL, ...roles(false), cache: { enabled: false } });
    const reference = await runInProcess({ loaded: direct, outputDir: await temp.make() });
    const expected = await datasetFiles(reference.exported.dir);

    // A fifth of the lines fail into the error file: each is made as a direct call instead.
    const batched: LoadedConfig = smallConfig({ ...SMALL, ...roles(true), cache: { enabled: false }, simulator: { ...SMALL.simulator, batch: { failureRate: 0.2 } } });
    const events: RunEvent[] = [];
    const inProcess = await runInProcess({ loaded: batched, outputDir: await temp.make(), onEvent: (event) => events.push(event) });
    expect(await datasetFiles(inProcess.exported.dir)).toEqual(expected);
    expect(await usageOf(inProcess.exported.dir)).toEqual(await usageOf(reference.exported.dir));
    const batches = events.filter((event) => event.type === 'batch');
    // One batch per wave of each role: the generator's, each judge's, the target's.
    expect(new Set(batches.map((event) => event.slot))).toEqual(new Set(['generator', 'judges[0]', 'judges[1]', 'judges[2]', 'targets[0]']));
    const completed = batches.filter((event) => event.status === 'completed');
    expect(completed.every((event) => event.completed + event.failed === event.total)).toBe(true);
    expect(completed.reduce((failed, event) => failed + event.failed, 0)).toBeGreaterThan(0);

    const queue = useQueueFixture();
    await queue.startWorkers({ concurrency: 4 });
    const outputDir = await temp.make();
    const followed: RunEvent[] = [];
    await runOnQueue({ redisUrl: REDIS_URL, prefix: queue.prefix, pollMs: 50, loaded: batched, outputDir, onEvent: (event) => followed.push(event) });
    // The follower shows each batch's status as the workers wrote it.
    const completedOnQueue = followed.filter((event) => event.type === 'batch' && event.status === 'completed');
    expect(new Set(completedOnQueue.map((event) => event.type === 'batch' && event.slot))).toEqual(new Set(['generator', 'judges[0]', 'judges[1]', 'judges[2]', 'targets[0]']));
    expect(await datasetFiles(join(outputDir, batched.config.name))).toEqual(expected);
    expect(await usageOf(join(outputDir, batched.config.name))).toEqual(await usageOf(reference.exported.dir));
    // The manifest says how many requests batches answered and how many were made directly instead, alike in both runners.
    const batchFigures = async (dir: string) => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')).extra.batch;
    const figures = await batchFigures(inProcess.exported.dir);
    expect(figures.direct).toBeGreaterThan(0);
    expect(figures.batched + figures.direct).toBe(Object.values(await usageOf(reference.exported.dir)).reduce((calls, usage) => calls + usage.calls, 0));
    expect(await batchFigures(join(outputDir, batched.config.name))).toEqual(figures);
  });

  it('resume polling the batch a stopped run sent instead of sending it again', async () => {
    const simulator = await startSimulator({ port: 0, seed: 5, batch: { completionDelayMs: 600 } });
    try {
      const loaded = smallConfig({ ...SMALL, judges: [{ model: 'sim-judge-1', baseURL: simulator.url, batch: true }], refusalJudge: null, cache: { enabled: false } });
      const outputDir = await temp.make();
      const stop = new AbortController();
      setMaxListeners(0, stop.signal); // every call in flight listens to it
      const first: string[] = [];
      const stopped = await runInProcess({
        loaded, outputDir, signal: stop.signal,
        onEvent: (event) => {
          if (event.type !== 'batch') return;
          first.push(event.id);
          stop.abort();
        },
      }).catch((error: unknown) => error);
      expect(RunInterruptedError.isInstance(stopped)).toBe(true);
      const again: string[] = [];
      await runInProcess({ loaded, outputDir, onEvent: (event) => event.type === 'batch' && again.push(event.id) });
      // The resumed run polled the batch the stopped one sent, and sent no other.
      expect(again[0]).toBe(first[0]);
      const listed = await new OpenAI({ baseURL: simulator.url, apiKey: 'x' }).batches.list();
      expect(listed.data.map((batch) => batch.id)).toEqual([first[0]]);
    } finally {
      await simulator.close();
    }
  });

  it('on an endpoint with no Batch API stop the run before any work, naming the role, exit 2', async () => {
    const simulator = await startSimulator({ port: 0, batch: { enabled: false } });
    try {
      const dir = await temp.make();
      const cases = [
        { judges: [{ model: 'sim-judge-1', baseURL: simulator.url, batch: true }], refusalJudge: null },
        { targets: [{ model: 'sim-target', batch: true }], simulator: { batch: { enabled: false } } },
      ];
      for (const [index, roles] of cases.entries()) {
        await writeFile(join(dir, `config-${index}.json`), JSON.stringify({ name: 'no-batch', seeds: { limit: 1 }, ...roles }));
        const result = await runCliInProcess(['run', '--config', join(dir, `config-${index}.json`), '--output', join(dir, 'out')]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(index === 0 ? /judges\[0\]\.batch: judges\[0\] \(sim-judge-1\) has batch: true, but its endpoint http:\/\/127\.0\.0\.1:\d+\/v1 has no Batch API/ : /targets\[0\]\.batch: .*built-in simulator \(simulator\.batch\.enabled is false\) has no Batch API/);
        expect(result.stderr).not.toContain('    at ');
      }
      expect((await readdir(dir)).sort()).toEqual(['config-0.json', 'config-1.json']);
    } finally {
      await simulator.close();
    }
  });

  it('on the queue are one job per segment, which a joining submission queues again when it was lost', async () => {
    const { prefix, redis, queue } = useQueueFixture();
    const spec = await prepareRunSpec({ loaded: smallConfig({ ...SMALL, ...roles(true) }), outputDir: await temp.make() });
    await submitRun({ redis, prefix, spec });
    const waiting = await queue('generate').getWaiting();
    expect(waiting.map((job) => job.name)).toEqual(['batch']);
    for (const job of waiting) await job.remove();
    expect(await submitRun({ redis, prefix, spec })).toMatchObject({ joined: true, requeued: 1 });
    expect((await queue('generate').getWaiting()).map((job) => job.name)).toEqual(['batch']);
  });
});
