import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { RunInterruptedError } from '../../pipeline/runs/run-interrupted-error.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { datasetFiles, manifestCounts, smallConfig, useQueueFixture } from '../queue/support.ts';

const temp = useTempDir();

const evolved = (overrides: Record<string, unknown> = {}) => smallConfig({ evolve: { rounds: 3, parentsPerRound: 6 }, simulator: { seed: 4, latencyMs: 2 }, ...overrides });

async function manifestEvolve(dir: string): Promise<{ rounds: { round: number; children: number; hard: number; calls: { total: number } }[]; operators: unknown[] }> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')).extra.evolve;
}

const rows = async (dir: string, config: string) => (await readFile(join(dir, 'data', `${config}.jsonl`), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));

describe('search rounds', () => {
  it('make the same dataset in-process and on the queue, every row with its lineage, the rounds in the manifest and card', async () => {
    // A probe budget below a round's children, so the refusal predictor's order decides which are probed.
    const loaded = evolved({ evolve: { rounds: 3, parentsPerRound: 6, probesPerRound: 8 } });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const expected = await datasetFiles(reference.exported.dir);
    const summary = await manifestEvolve(reference.exported.dir);
    expect(summary.rounds.map((round) => round.round)).toEqual([1, 2, 3]);
    expect(summary.rounds.every((round) => round.children > 0 && round.calls.total > 0)).toBe(true);
    const all = await rows(reference.exported.dir, 'all');
    const toxic = await rows(reference.exported.dir, 'toxic');
    expect([...all, ...toxic].every((row) => row.lineage && typeof row.lineage.round === 'number')).toBe(true);
    const children = [...all, ...toxic].filter((row) => row.lineage.round > 0);
    expect(children.length).toBeGreaterThan(0);
    const ids = new Set([...all, ...toxic].map((row) => row.id));
    for (const child of children) expect(ids.has(child.lineage.parent_id)).toBe(true);
    const card = await readFile(join(reference.exported.dir, 'README.md'), 'utf8');
    expect(card).toContain('## Search rounds');
    expect(card).toContain('### Refusal predictor');
    const { predictor } = reference.exported.manifest.extra.evolve as { predictor: { rounds: { unprobed: number }[]; final: { targets: { model: string; accuracy: number | null; baseline: number | null }[] } } };
    expect(predictor.rounds.some((round) => round.unprobed > 0)).toBe(true);
    expect(predictor.final.targets.map((target) => target.model)).toEqual(['sim-target']);
    expect(predictor.final.targets[0]!.baseline).not.toBeNull();
    // Children beyond the budget are accounted for, unlabelled.
    expect(await readFile(join(reference.exported.dir, 'failures.jsonl'), 'utf8')).toContain('not probed: round');
    // Every candidate, first round or child, is a row, a duplicate or a failure.
    const { counts } = reference.exported.manifest;
    expect(counts.candidates).toBe(counts.generated);

    const queue = useQueueFixture();
    await Promise.all([queue.startWorkers({ concurrency: 4 }), queue.startWorkers({ concurrency: 4 })]);
    const outputDir = await temp.make();
    await queue.run({ loaded, outputDir });
    const dir = join(outputDir, loaded.config.name);
    expect(await datasetFiles(dir)).toEqual(expected);
    expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));
    expect(await manifestEvolve(dir)).toEqual(summary);
    // The rounds' calls are counted on the queue as in-process.
    expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')).usage).toEqual(reference.exported.manifest.usage);
  });

  it('make the same dataset on both runners when calls fail and are retried', async () => {
    const loaded = evolved({ simulator: { seed: 4, latencyMs: 1, faultRate: 0.1 }, generator: { model: 'sim-generator', timeoutMs: 400 }, judges: [{ model: 'sim-judge-1', timeoutMs: 400 }, { model: 'sim-judge-2', timeoutMs: 400 }], targets: [{ model: 'sim-target', timeoutMs: 400 }] });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const queue = useQueueFixture();
    await queue.startWorkers({ concurrency: 8 });
    const outputDir = await temp.make();
    await queue.run({ loaded, outputDir });
    const dir = join(outputDir, loaded.config.name);
    expect(await datasetFiles(dir)).toEqual(await datasetFiles(reference.exported.dir));
    expect(await manifestEvolve(dir)).toEqual(await manifestEvolve(reference.exported.dir));
  });

  it('resume in-process after a stop during the rounds, reusing the rounds’ results, with the same dataset', async () => {
    const loaded = evolved({ simulator: { seed: 4, latencyMs: 15 } });
    // The journal is what is tested: with the response cache, calls lost to the stop would be answered from it, not paid again.
    const reference = await runInProcess({ loaded, outputDir: await temp.make(), cache: false });
    const outputDir = await temp.make();
    const stop = new AbortController();
    const stopped = runInProcess({
      loaded, outputDir, signal: stop.signal, cache: false,
      onEvent: (event) => {
        if (event.type === 'stage-start' && event.stage === 'evolve') setTimeout(() => stop.abort(), 250);
      },
    });
    await expect(stopped).rejects.toBeInstanceOf(RunInterruptedError);
    const journal = await readFile(join(outputDir, `.${loaded.config.name}.journal.jsonl`), 'utf8');
    const roundResults = journal.split('\n').filter((line) => /^\{"id":"(?:mutate|evolve-judge|screen|evolve-probe)/.test(line)).length;
    expect(roundResults).toBeGreaterThan(0);

    const resumed = await runInProcess({ loaded, outputDir, cache: false });
    expect(await datasetFiles(resumed.exported.dir)).toEqual(await datasetFiles(reference.exported.dir));
    expect(resumed.exported.manifest.extra.resumed_results as number).toBeGreaterThan(roundResults - 1);
    expect(resumed.exported.manifest.usage).toEqual(reference.exported.manifest.usage);
  });

  it('leave a one-shot run’s rows without lineage, as they were', async () => {
    const { exported } = await runInProcess({ loaded: smallConfig({ simulator: { seed: 4, latencyMs: 1 } }), outputDir: await temp.make() });
    expect((await rows(exported.dir, 'all')).some((row) => 'lineage' in row)).toBe(false);
    expect(exported.manifest.extra.evolve).toBeUndefined();
  });
});
