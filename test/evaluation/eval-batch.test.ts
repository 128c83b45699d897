import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVAL_BATCHES_FILE, runEvaluation } from '../../pipeline/evaluation/run-evaluation.ts';
import { ModelRole } from '../../pipeline/schemas/config.ts';
import { EvaluationFile } from '../../pipeline/evaluation/evaluation-result.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/start-simulator.ts';
import { makeDataset } from '../harness-export/make-dataset.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ port: 0, seed: 5 });
});
afterAll(() => simulator.close());

/** `scarecrow eval` of a fresh copy of the fixture dataset, its target as the config gives it; the models' results and the target's direct calls. */
async function evaluate(target: Record<string, unknown>) {
  const dataset = await makeDataset({ outputDir: await temp.make() });
  const config = join(await temp.make({ 'config.json': JSON.stringify({ targets: [{ model: 'sim-target', baseURL: simulator.url, ...target }], refusalJudge: null }) }), 'config.json');
  const before = simulator.stats().requestsByModel['sim-target'] ?? 0;
  const result = await runCliInProcess(['eval', '--dataset', dataset, '--config', config, '--samples', '2', '--quiet']);
  const directCalls = (simulator.stats().requestsByModel['sim-target'] ?? 0) - before;
  const models = result.code === 0 ? EvaluationFile.parse(JSON.parse(await readFile(join(dataset, 'eval.json'), 'utf8'))).models.map(({ evaluated_at: _, ...model }) => model) : null;
  return { result, models, directCalls, dataset };
}

describe('eval with a target that has batch: true', () => {
  it('sends its samples as Batch API jobs and writes the evaluation direct calls write, leaving no journal', async () => {
    const direct = await evaluate({});
    expect(direct.result.code, direct.result.stderr).toBe(0);
    expect(direct.directCalls).toBeGreaterThan(0);

    const batched = await evaluate({ batch: true });
    expect(batched.result.code, batched.result.stderr).toBe(0);
    expect(batched.directCalls).toBe(0);
    expect(batched.models).toEqual(direct.models);
    expect(existsSync(join(batched.dataset, EVAL_BATCHES_FILE))).toBe(false);
  });

  it('stopped, resumes by polling the batch it sent instead of sending another', async () => {
    const slow = await startSimulator({ port: 0, seed: 5, batch: { completionDelayMs: 600 } });
    try {
      const dataset = await makeDataset({ outputDir: await temp.make() });
      const targets = [ModelRole.parse({ model: 'sim-target', baseURL: slow.url, batch: true })];
      const journal = join(dataset, EVAL_BATCHES_FILE);
      const stop = new AbortController();
      setMaxListeners(0, stop.signal); // every call in flight listens to it
      // Stopped once the batch is journalled, long before it completes.
      const watch = setInterval(() => existsSync(journal) && stop.abort(new DOMException('stopped', 'AbortError')), 10);
      const stopped = await runEvaluation({ dataset, targets, samples: 2, signal: stop.signal }).catch((error: unknown) => error);
      clearInterval(watch);
      expect(stopped).toMatchObject({ name: 'AbortError' });
      expect(existsSync(journal)).toBe(true);

      const resumed = await runEvaluation({ dataset, targets, samples: 2 });
      expect(resumed.failed).toBe(0);
      expect(resumed.ran).toBeGreaterThan(0);
      const listed = await new OpenAI({ baseURL: slow.url, apiKey: 'x' }).batches.list();
      expect(listed.data).toHaveLength(1);
      expect(existsSync(journal)).toBe(false);
    } finally {
      await slow.close();
    }
  });

  it('stops before any work, naming the target, when its endpoint has no Batch API', async () => {
    const without = await startSimulator({ port: 0, batch: { enabled: false } });
    try {
      const dataset = await makeDataset({ outputDir: await temp.make() });
      const config = join(await temp.make({ 'config.json': JSON.stringify({ targets: [{ model: 'sim-target', baseURL: without.url, batch: true }], refusalJudge: null }) }), 'config.json');
      const result = await runCliInProcess(['eval', '--dataset', dataset, '--config', config, '--quiet']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/targets\[0\]\.batch: targets\[0\] \(sim-target\) has batch: true, but its endpoint http:\/\/127\.0\.0\.1:\d+\/v1 has no Batch API/);
      expect(without.stats().requests).toBe(0);
      expect(existsSync(join(dataset, 'eval.json'))).toBe(false);
    } finally {
      await without.close();
    }
  });
});
