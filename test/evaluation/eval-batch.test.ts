import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVAL_BATCHES_FILE } from '../../pipeline/evaluation/run-evaluation.ts';
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
