import { describe, expect, it } from 'vitest';
import { simulatorVersion } from '../../simulator/simulator-version.ts';
import { answerVersions } from '../../pipeline/runs/answer-versions.ts';
import { prepareRunSpec, submitRun } from '../../workers/submit-run.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { smallConfig, useQueueFixture } from './support.ts';

const temp = useTempDir();

describe('a queue run submitted again after an upgrade', () => {
  it('is made afresh, not answered from the summary the older version left', async () => {
    const loaded = smallConfig({ simulator: { seed: 13, latencyMs: 1 } });
    const { redis, prefix, startWorkers, follow } = useQueueFixture();
    await startWorkers();
    const outputDir = await temp.make();
    const current = answerVersions(loaded.config, simulatorVersion);

    // The run as the previous release submitted it, finished, its dataset in place.
    const older = await prepareRunSpec({ loaded, outputDir, versions: { ...current, scarecrow: '0.0.9', templates: { ...current.templates, judge: 'judge-v0' } } });
    await submitRun({ redis, prefix, spec: older });
    await follow(older.runId, { signal: AbortSignal.timeout(30_000) });
    expect(await submitRun({ redis, prefix, spec: older })).toMatchObject({ runId: older.runId, reused: true });

    const upgraded = await prepareRunSpec({ loaded, outputDir });
    expect(upgraded.runId).not.toBe(older.runId);
    expect(await submitRun({ redis, prefix, spec: upgraded })).toMatchObject({ runId: upgraded.runId, joined: false, reused: false });
    const summary = await follow(upgraded.runId, { signal: AbortSignal.timeout(30_000) });
    expect(summary.dir).toBeTruthy();
    // Submitted again under the same version, it is answered from its summary as before.
    expect(await submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded, outputDir }) })).toMatchObject({ runId: upgraded.runId, reused: true });
  }, 90_000);
});
