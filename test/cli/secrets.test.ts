import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/index.ts';
import { readFolder } from '../support/read-dataset-files.ts';
import { runCli } from '../support/run-cli.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { startDisguisedSimulator } from './disguised-simulator.ts';
import { startKeyEchoingEndpoint } from '../secrets/key-echoing-endpoint.ts';
import { folderTexts, occurrences, roleKeys } from '../secrets/find-secrets.ts';
import { echoedKeyConfig, KEY_VARIABLES } from '../secrets/echoed-key-config.ts';

const temp = useTempDir();
const SECRET = 'sk-test-5f1e2d3c4b5a69788796a5b4c3d2e1f0';
let simulator: RunningSimulator;
// Answers as the simulator does but lists its models as a provider would, so the run counts it as real.
let disguised: Awaited<ReturnType<typeof startDisguisedSimulator>>;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  disguised = await startDisguisedSimulator();
});
afterAll(async () => {
  await simulator.close();
  await disguised.close();
});

describe('API keys', () => {
  it('never reach the terminal, the manifest, the card or the data', async () => {
    // A real endpoint as far as scarecrow knows: an OpenAI-compatible server with a key from the environment.
    const role = (model: string) => ({ model, baseURL: disguised.url, apiKeyEnv: 'SCARECROW_TEST_KEY' });
    const config = {
      name: 'secret',
      seeds: { paths: [join(PROJECT_ROOT, 'seeds')], limit: 1, categories: ['privacy'] },
      generator: role('sim-generator'),
      judges: [role('sim-judge-1')],
      targets: [role('sim-target')],
    };
    const dir = await temp.make({ 'config.json': JSON.stringify(config) });
    // In-process: the terminal is what the command writes; the echoing endpoint below keeps the binary, for whatever node itself prints.
    const result = await runCliInProcess(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')], { env: { SCARECROW_TEST_KEY: SECRET } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('SIMULATED DATA');
    const files = await readFolder(join(dir, 'out', 'secret'));
    expect(JSON.parse(files['manifest.json']).config.generator).toMatchObject({ apiKeyEnv: 'SCARECROW_TEST_KEY', baseURL: disguised.url });
    for (const [name, content] of Object.entries({ ...files, stdout: result.stdout, stderr: result.stderr })) expect(content, name).not.toContain(SECRET);
  });
});

describe('an endpoint that echoes the key in its errors', () => {
  it('never gets the key into failures.jsonl, any other output file or the terminal', async () => {
    const endpoint = await startKeyEchoingEndpoint({ upstream: simulator.url });
    try {
      const keys = roleKeys();
      const dir = await temp.make({ 'config.json': JSON.stringify(echoedKeyConfig(endpoint.url)) });
      const output = join(dir, 'out');
      const result = await runCli(['run', '--config', join(dir, 'config.json'), '--output', output], {
        env: { [KEY_VARIABLES.generator]: keys.generator, [KEY_VARIABLES.judge]: keys.judge, [KEY_VARIABLES.target]: keys.target },
      });
      expect(result.code, result.stderr).toBe(0);
      const files = await folderTexts(output);
      // The endpoint did echo the keys, into failures at every model stage.
      expect(endpoint.counts().unauthorized).toBeGreaterThan(0);
      expect(endpoint.counts().serverError).toBeGreaterThan(0);
      const failures = files['echoed-key/failures.jsonl'].trim().split('\n').map((line) => JSON.parse(line) as { stage: string; reason: string });
      expect(new Set(failures.map((failure) => failure.stage))).toEqual(new Set(['generate', 'judge', 'probe']));
      expect(failures.some((failure) => failure.reason.includes('answered 401: 401 Incorrect API key provided: '))).toBe(true);
      expect(occurrences({ ...files, stdout: result.stdout, stderr: result.stderr }, Object.values(keys))).toEqual({});
    } finally {
      await endpoint.close();
    }
  }, 120_000);
});
