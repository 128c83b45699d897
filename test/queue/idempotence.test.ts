import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { prepareRunSpec, submitRun } from '../../workers/submit-run.ts';
import { datasetFiles, smallConfig, useQueueFixture } from './support.ts';

const temp = useTempDir();

describe('idempotence', () => {
  it('joins a run submitted twice instead of doing its work twice, and fails a malformed job alone', async () => {
    const loaded = smallConfig({ simulator: { seed: 5, latencyMs: 1 } });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const { redis, prefix, queue, startWorkers, follow } = useQueueFixture();

    const outputDir = await temp.make();
    const first = await submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded, outputDir }) });
    const second = await submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded, outputDir }) });
    expect(second).toEqual({ runId: first.runId, joined: true, reused: false, requeued: 0 });
    expect(first.runId).not.toMatch(/^\d+$/);
    const generateQueue = queue('generate');
    const judgeQueue = queue('judge');
    expect(await generateQueue.getWaitingCount()).toBe(6);

    const bad = await judgeQueue.add('judge', { runId: first.runId, candidate: { id: 42 } });
    await startWorkers();
    const summary = await follow(first.runId, { signal: AbortSignal.timeout(30_000) });

    expect(await datasetFiles(summary.dir)).toEqual(await datasetFiles(reference.exported.dir));
    const usage = (dir: string) => readFile(join(dir, 'manifest.json'), 'utf8').then((text) => JSON.parse(text).usage);
    expect(await usage(summary.dir)).toEqual(await usage(reference.exported.dir)); // not one model call more
    const failed = await judgeQueue.getJob(bad.id!);
    expect(await failed!.getState()).toBe('failed');
    expect(failed!.failedReason).toMatch(/malformed judge job .*: candidate\.id: /);
    expect(failed!.attemptsMade).toBe(1);
  });
});
