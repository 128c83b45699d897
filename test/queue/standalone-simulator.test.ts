import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { datasetFiles, smallConfig, useQueueFixture } from './support.ts';

const temp = useTempDir();

describe('a queue run with a role on a standalone scarecrow sim', () => {
  it('marks that role simulated in its manifest, card and summary, as the in-process runner does', async () => {
    const queue = useQueueFixture();
    const standalone = await startSimulator({ port: 0, seed: 7, latencyMs: 5 });
    queue.onCleanup(() => standalone.close());
    // Every role on the standalone simulator: no role is left for a built-in one.
    const role = (model: string) => ({ model, baseURL: standalone.url });
    const loaded = smallConfig({ generator: role('sim-generator'), judges: [role('sim-judge-1'), role('sim-judge-2')], targets: [role('sim-target')] });

    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    // The first judge names a baseURL, so it is the refusal judge too, by default.
    expect(reference.simulatedRoles).toEqual(['generator', 'judges[0]', 'judges[1]', 'targets[0]', 'refusalJudge']);

    await queue.startWorkers();
    const outputDir = await temp.make();
    const result = await queue.run({ loaded, outputDir });
    const dir = join(outputDir, loaded.config.name);

    expect(result.summary?.simulated).toBe(true);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.simulated).toBe(true);
    expect(manifest.simulated_roles).toEqual(reference.exported.manifest.simulated_roles);
    const card = await readFile(join(dir, 'README.md'), 'utf8');
    expect(card).toContain('SIMULATED DATA: every model in this run was');
    expect(card).toContain('- Generator: `sim-generator` (simulator)');
    expect(card.split('\n').slice(0, 20)).toEqual((await readFile(join(reference.exported.dir, 'README.md'), 'utf8')).split('\n').slice(0, 20));
    expect(await datasetFiles(dir)).toEqual(await datasetFiles(reference.exported.dir));
  }, 120_000);
});
