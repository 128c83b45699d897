import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulationBanner } from '../../cli/simulation-banner.ts';
import { defaultConfig } from '../../pipeline/input/load-config.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { startDisguisedSimulator } from './disguised-simulator.ts';

const temp = useTempDir();
const SEEDS = { paths: [join(PROJECT_ROOT, 'seeds')], limit: 1, categories: ['privacy', 'violence'] };

// An OpenAI-compatible server on its own port that does not list itself as the simulator plays the "real" generator.
let server: Awaited<ReturnType<typeof startDisguisedSimulator>>;
beforeAll(async () => {
  server = await startDisguisedSimulator();
});
afterAll(async () => {
  await server.close();
});

async function run(config: Record<string, unknown>) {
  const dir = await temp.make({ 'config.json': JSON.stringify({ name: 'mixed', seeds: SEEDS, ...config }) });
  // In-process: what is tested is what the run says and writes (run.test.ts keeps the binary's exit status).
  const result = await runCliInProcess(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')]);
  return { dir, result };
}

describe('a run with a real generator and simulated judges and targets', () => {
  it('checks the real endpoint before any work: an unreachable generator stops the run with exit 2 and nothing written', async () => {
    const { dir, result } = await run({ generator: { model: 'gpt-4o', baseURL: 'http://127.0.0.1:9/v1' } });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/cannot reach the generator endpoint http:\/\/127\.0\.0\.1:9\/v1/);
    expect(result.stderr).not.toContain('SIMULATED');
    expect(await readdir(dir)).toEqual(['config.json']);
  });

  it('names the simulated roles in the banner, the manifest and the card, without claiming every model was simulated', async () => {
    const { dir, result } = await run({ generator: { model: 'sim-generator', baseURL: server.url } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('PARTLY SIMULATED: judges[0] (sim-judge-1), judges[1] (sim-judge-2), judges[2] (sim-judge-3) and targets[0] (sim-target) have no baseURL');
    expect(result.stderr).toContain('PARTLY SIMULATED DATA: judges[0] (sim-judge-1)');
    expect(result.stderr).toContain('The labels and refusal rates and hard set these roles gave test the pipeline only');
    expect(result.stderr).not.toMatch(/every model/i);
    const dataset = join(dir, 'out', 'mixed');
    const manifest = JSON.parse(await readFile(join(dataset, 'manifest.json'), 'utf8'));
    expect(manifest.simulated).toBe(true);
    expect(manifest.simulated_roles).toEqual(['judges[0]', 'judges[1]', 'judges[2]', 'targets[0]']);
    const card = await readFile(join(dataset, 'README.md'), 'utf8');
    expect(card).toContain('PARTLY SIMULATED DATA: judges[0] (sim-judge-1), judges[1] (sim-judge-2), judges[2] (sim-judge-3) and targets[0] (sim-target) were');
    expect(card).not.toMatch(/every model in this run/);
  });
});

describe('the banner of a fully simulated run', () => {
  it('speaks of the run to come before it, of the data after it, and does not tell a --config user to pass --config', async () => {
    const { dir, result } = await run({});
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('SIMULATED: every model in this run is scarecrow\'s built-in simulator');
    expect(result.stderr).toContain('SIMULATED DATA: every model in this run was scarecrow\'s built-in simulator');
    expect(result.stderr.indexOf('every model in this run is')).toBeLessThan(result.stderr.indexOf('every model in this run was'));
    expect(result.stderr).not.toContain('with --config');
    expect(result.stderr).toContain(`give every role a baseURL in ${join(dir, 'config.json')}`);
    const manifest = JSON.parse(await readFile(join(dir, 'out', 'mixed', 'manifest.json'), 'utf8'));
    expect(manifest.simulated_roles).toEqual(['generator', 'judges[0]', 'judges[1]', 'judges[2]', 'targets[0]']);
  });

  it('tells a user who gave no config to pass one', () => {
    const text = simulationBanner({ loaded: defaultConfig(), when: 'before' });
    expect(text).toContain('pass a config file naming real endpoints: scarecrow run --config my.json');
    expect(simulationBanner({ loaded: { ...defaultConfig(), config: { ...defaultConfig().config, generator: { ...defaultConfig().config.generator, baseURL: 'http://x/v1' }, judges: [], targets: [] } }, when: 'before' })).toBe('');
  });
});
