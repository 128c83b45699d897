import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateDataset } from '../../cli/commands/evaluate-dataset.ts';
import { EvaluationFile } from '../../pipeline/evaluation/evaluation-result.ts';
import { parseTargets } from '../../pipeline/evaluation/parse-targets.ts';
import { isSimulatorEndpoint } from '../../pipeline/models/is-simulator-endpoint.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { makeDataset } from '../harness-export/make-dataset.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { startFakeChatEndpoint } from './fake-chat-endpoint.ts';

const temp = useTempDir();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The simulator as `scarecrow sim` serves it: a real HTTP server on a port of its own. */
async function standaloneSimulator(): Promise<string> {
  const simulator = await startSimulator({ port: 0 });
  closers.push(() => simulator.close());
  return simulator.url;
}

async function realLookingEndpoint(): Promise<string> {
  const server = await startFakeChatEndpoint(() => 'answer');
  closers.push(server.close);
  return server.url;
}

describe('a standalone simulator as a target', () => {
  it('is told apart from other endpoints by its model list', async () => {
    expect(await isSimulatorEndpoint({ baseURL: await standaloneSimulator() })).toBe(true);
    expect(await isSimulatorEndpoint({ baseURL: await realLookingEndpoint() })).toBe(false);
    expect(await isSimulatorEndpoint({ baseURL: 'http://127.0.0.1:9/v1', timeoutMs: 2000 })).toBe(false);
  });

  it('is marked simulated in eval.json, the card and the report, even on a real dataset', async () => {
    const simulator = await standaloneSimulator();
    const real = await realLookingEndpoint();
    const dir = await makeDataset({ outputDir: await temp.make(), simulated: false });
    const result = await evaluateDataset({ dataset: dir, targets: parseTargets({ specs: [`sim-target-lenient=${simulator}`, `mine=${real}`] }), samples: 1 });

    expect(result.simulated).toBe(true);
    const evaluation = EvaluationFile.parse(JSON.parse(await readFile(join(dir, 'eval.json'), 'utf8')));
    expect(evaluation.simulated).toBe(true);
    expect(evaluation.models.map((model) => [model.model, model.endpoint, model.simulated])).toEqual([
      ['mine', real, false],
      ['sim-target-lenient', simulator, true],
    ]);
    const card = await readFile(join(dir, 'README.md'), 'utf8');
    expect(card).toContain('| `sim-target-lenient` (simulated) |');
    expect(card).toContain('| `mine` |');
    expect(card).toMatch(/SIMULATED: these figures come from simulated models/);
    const report = await readFile(join(dir, 'report.html'), 'utf8');
    expect(report).toContain('id="simulated-warning"');
    expect(report).toMatch(/sim-target-lenient <em>\(simulated\)<\/em>/);
  });

  it('leaves a dataset evaluated only on real endpoints unmarked', async () => {
    const dir = await makeDataset({ outputDir: await temp.make(), simulated: false });
    const result = await evaluateDataset({ dataset: dir, targets: parseTargets({ specs: [`mine=${await realLookingEndpoint()}`] }), samples: 1 });
    expect(result.simulated).toBe(false);
    expect(await readFile(join(dir, 'report.html'), 'utf8')).not.toContain('id="simulated-warning"');
  });
});
