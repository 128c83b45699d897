import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorVersion } from '../../simulator/simulator-version.ts';
import { answerVersions } from '../../pipeline/runs/answer-versions.ts';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { followRun } from '../../workers/run-on-queue.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import { prepareRunSpec, submitRun } from '../../workers/submit-run.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { deletePrefix, REDIS_URL, smallConfig, testPrefix } from './support.ts';

const temp = useTempDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a queue run submitted again after an upgrade', () => {
  it('is made afresh, not answered from the summary the older version left', async () => {
    const loaded = smallConfig({ simulator: { seed: 13, latencyMs: 1 } });
    const prefix = testPrefix();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const workers = await startWorkers({ redisUrl: REDIS_URL, prefix, stages: QUEUE_STAGES, concurrency: 4, log: () => {} });
    cleanups.push(() => deletePrefix(prefix), async () => redis.disconnect(), () => workers.close({ graceMs: 1000 }));
    const outputDir = await temp.make();
    const current = answerVersions(loaded.config, simulatorVersion);

    // The run as the previous release submitted it, finished, its dataset in place.
    const older = await prepareRunSpec({ loaded, outputDir, versions: { ...current, scarecrow: '0.0.9', templates: { ...current.templates, judge: 'judge-v0' } } });
    await submitRun({ redis, prefix, spec: older });
    await followRun({ redis, prefix, runId: older.runId, pollMs: 50, signal: AbortSignal.timeout(30_000) });
    expect(await submitRun({ redis, prefix, spec: older })).toMatchObject({ runId: older.runId, reused: true });

    const upgraded = await prepareRunSpec({ loaded, outputDir });
    expect(upgraded.runId).not.toBe(older.runId);
    expect(await submitRun({ redis, prefix, spec: upgraded })).toMatchObject({ runId: upgraded.runId, joined: false, reused: false });
    const summary = await followRun({ redis, prefix, runId: upgraded.runId, pollMs: 50, signal: AbortSignal.timeout(30_000) });
    expect(summary.dir).toBeTruthy();
    // Submitted again under the same version, it is answered from its summary as before.
    expect(await submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded, outputDir }) })).toMatchObject({ runId: upgraded.runId, reused: true });
  }, 90_000);
});
