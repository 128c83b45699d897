import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInProcess } from '../../in-process/run-in-process.ts';
import type { RunEvent } from '../../pipeline/runs/run-events.ts';
import { EvaluationFile } from '../../pipeline/evaluation/evaluation-result.ts';
import { parseTargets } from '../../pipeline/evaluation/parse-targets.ts';
import { runEvaluation } from '../../pipeline/evaluation/run-evaluation.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { datasetFiles, manifestCounts, smallConfig, useQueueFixture } from './support.ts';

const temp = useTempDir();

/** Each stage a run's progress showed, and how it last showed it: finished, with every item done. */
function stagesShown(events: RunEvent[]): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const event of events) {
    if (event.type === 'stage-start') shown[event.stage] = 'started';
    else if (event.type === 'progress' && shown[event.stage] !== 'ended') shown[event.stage] = event.done === event.total ? 'all done' : 'part done';
    else if (event.type === 'stage-end') shown[event.stage] = shown[event.stage] === 'all done' ? 'ended' : `ended at ${shown[event.stage]}`;
  }
  return shown;
}

describe('the queue runner', () => {
  it('writes the same dataset as the in-process runner, whatever the number of workers and their concurrency', async () => {
    const loaded = smallConfig({ simulator: { seed: 11, latencyMs: 2 } });
    const inProcessDir = await temp.make();
    const inProcessEvents: RunEvent[] = [];
    const reference = await runInProcess({ loaded, outputDir: inProcessDir, onEvent: (event) => inProcessEvents.push(event) });
    const expected = await datasetFiles(reference.exported.dir);
    expect(expected['data/all.jsonl']!.length).toBeGreaterThan(0);

    let queued = { dir: '', env: {} as Record<string, string> };
    for (const shape of [{ processes: 1, concurrency: 1 }, { processes: 3, concurrency: 7 }]) {
      const queue = useQueueFixture();
      await Promise.all(Array.from({ length: shape.processes }, () => queue.startWorkers({ concurrency: shape.concurrency })));
      const outputDir = await temp.make();
      const followed: RunEvent[] = [];
      const result = await queue.run({ loaded, outputDir, onEvent: (event) => followed.push(event) });
      const dir = join(outputDir, loaded.config.name);
      // The follower shows the stages in-process shows, each finished, even those that ended after its last poll.
      expect(stagesShown(followed)).toEqual(stagesShown(inProcessEvents));
      // Followed again once it is done, the run shows the same.
      const refollowed: RunEvent[] = [];
      await queue.follow(result.runId, { onEvent: (event) => refollowed.push(event) });
      expect(stagesShown(refollowed)).toEqual(stagesShown(inProcessEvents));
      expect(result.summary?.dir).toBe(dir);
      expect(await datasetFiles(dir)).toEqual(expected);
      expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));
      queued = { dir, env: queue.env };
    }

    // So are the training exports made from them; the targets' refusals come back from each runner's response cache, so only toxic prompts are put to the target.
    const helper = join(await temp.make(), 'helper.json');
    await writeFile(helper, JSON.stringify({ helper: { model: 'sim-helper' } }));
    const exports: string[] = [];
    for (const [dir, flags, env] of [[reference.exported.dir, [], {}], [queued.dir, ['--queue'], queued.env]] as const) {
      const result = await runCliInProcess(['export', '--dataset', dir, '--format', 'dpo', '--config', helper, ...flags], { env });
      expect(result.code).toBe(0);
      const toxic = (await readFile(join(dir, 'data/toxic.jsonl'), 'utf8')).split('\n').filter(Boolean).length;
      expect(Number(/target:sim-target (\d+)/.exec(result.stdout)?.[1] ?? 0)).toBe(toxic);
      exports.push(await readFile(join(dir, 'exports/dpo.jsonl'), 'utf8'));
    }
    expect(exports[0]!.split('\n').length).toBeGreaterThan(1);
    expect(exports[1]).toBe(exports[0]);

    // And eval reads them alike: rates, refusal styles and reasons, consistency across a seed's rewrites.
    const simulator = await startSimulator({ port: 0, seed: 11 });
    const evaluate = async (dataset: string) => {
      await runEvaluation({ dataset, targets: parseTargets({ specs: ['sim-target-strict'] }), samples: 1, simulatorUrl: simulator.url, simulatedTargets: new Set(['sim-target-strict']) });
      const { models } = EvaluationFile.parse(JSON.parse(await readFile(join(dataset, 'eval.json'), 'utf8')));
      return models.map(({ evaluated_at: _, ...model }) => model);
    };
    try {
      const inProcess = await evaluate(reference.exported.dir);
      expect(inProcess[0]!.refusal_mix!.overall.all.refusals).toBeGreaterThan(0);
      expect(inProcess[0]!.consistency!.seeds).toBeGreaterThan(0);
      expect(await evaluate(queued.dir)).toEqual(inProcess);
    } finally {
      await simulator.close();
    }
  });

  it('judges, and settles unprobed candidates without probe jobs, when the run has no targets', async () => {
    const loaded = smallConfig({ targets: [], simulator: { seed: 5, latencyMs: 2 } });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const { redis, prefix, startWorkers, run } = useQueueFixture();
    await startWorkers();
    const outputDir = await temp.make();
    await run({ loaded, outputDir });
    const dir = join(outputDir, loaded.config.name);
    expect(await datasetFiles(dir)).toEqual(await datasetFiles(reference.exported.dir));
    expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));
    // A finished run's jobs are removed with its results; the queues' event streams still tell which jobs ran.
    const events = async (stage: string) => (await redis.xrange(`${prefix}:${stage}:events`, '-', '+')).map(([, fields]) => fields[fields.indexOf('event') + 1]);
    expect((await events('judge')).filter((event) => event === 'completed').length).toBeGreaterThan(0);
    expect(await events('probe')).toEqual([]);
  });
});
