import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/start-simulator.ts';
import { datasetFiles } from '../queue/support.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { startDisguisedSimulator } from './disguised-simulator.ts';

const temp = useTempDir();
const SEEDS = { paths: [join(PROJECT_ROOT, 'seeds')], limit: 1, categories: ['privacy', 'violence'] };

// `scarecrow sim` as a user starts it: its own server on its own port, named by a role's baseURL.
let standalone: RunningSimulator;
let real: Awaited<ReturnType<typeof startDisguisedSimulator>>;
beforeAll(async () => {
  standalone = await startSimulator({ port: 0 });
  real = await startDisguisedSimulator();
});
afterAll(async () => {
  await standalone.close();
  await real.close();
});

async function run(config: Record<string, unknown>) {
  const dir = await temp.make({ 'config.json': JSON.stringify({ name: 'standalone', seeds: SEEDS, ...config }) });
  // In-process: what is tested is what the run says and writes, not the binary.
  const result = await runCliInProcess(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')]);
  expect(result.code, result.stderr).toBe(0);
  const dataset = join(dir, 'out', 'standalone');
  return {
    result,
    dataset,
    manifest: JSON.parse(await readFile(join(dataset, 'manifest.json'), 'utf8')),
    card: await readFile(join(dataset, 'README.md'), 'utf8'),
  };
}

describe('a role whose baseURL serves a standalone scarecrow sim', () => {
  it('counts as simulated: with every other role on the built-in simulator, the run is fully simulated, and its data is as if no role had a baseURL', async () => {
    const { result, dataset, manifest, card } = await run({ generator: { model: 'sim-generator', baseURL: standalone.url } });
    expect(result.stderr).toContain('SIMULATED: every model in this run is scarecrow\'s built-in simulator');
    expect(result.stderr).toContain('SIMULATED DATA: every model in this run was');
    expect(result.stderr).not.toContain('PARTLY');
    expect(result.stdout).toContain('(SIMULATED)');
    expect(manifest.simulated).toBe(true);
    expect(manifest.simulated_roles).toEqual(['generator', 'judges[0]', 'judges[1]', 'judges[2]', 'targets[0]']);
    expect(card).toContain('- Generator: `sim-generator` (simulator)');
    expect(card).not.toContain('PARTLY');

    const builtIn = await run({});
    expect(await datasetFiles(dataset)).toEqual(await datasetFiles(builtIn.dataset));
  }, 120_000);

  it('is named with the roles that have no baseURL when other roles are real, and the real ones are not', async () => {
    const { result, manifest, card } = await run({
      generator: { model: 'sim-generator', baseURL: real.url },
      judges: [{ model: 'sim-judge-1', baseURL: standalone.url }, { model: 'sim-judge-2' }],
    });
    expect(result.stderr).toContain('PARTLY SIMULATED: judges[0] (sim-judge-1), judges[1] (sim-judge-2), targets[0] (sim-target) and refusalJudge (sim-judge-1) have no baseURL or point at a standalone scarecrow simulator (`scarecrow sim`)');
    expect(result.stderr).toContain('PARTLY SIMULATED DATA: judges[0] (sim-judge-1), judges[1] (sim-judge-2), targets[0] (sim-target) and refusalJudge (sim-judge-1) were scarecrow\'s simulator');
    expect(result.stderr).toContain('give every role a baseURL of a real model server, not a scarecrow simulator,');
    expect(manifest.simulated).toBe(true);
    // judges[0] names a baseURL, so it is also the refusal judge by default: simulated like itself.
    expect(manifest.simulated_roles).toEqual(['judges[0]', 'judges[1]', 'targets[0]', 'refusalJudge']);
    expect(card).toContain('PARTLY SIMULATED DATA: judges[0] (sim-judge-1), judges[1] (sim-judge-2), targets[0] (sim-target) and refusalJudge (sim-judge-1) were');
    expect(card).toContain('- Generator: `sim-generator`, ');
    expect(card).toContain('`sim-judge-1` (simulator), `sim-judge-2` (simulator)');
  }, 120_000);
});
