import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import type { CliResult } from '../support/run-cli.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const SEEDS = { paths: [join(PROJECT_ROOT, 'seeds')], limit: 1, categories: ['privacy'] };

describe('an output folder that cannot be written', () => {
  it.each([
    ['output.dir is an existing file', (dir: string) => ({ config: { output: { dir: join(dir, 'taken') } }, args: [] }), /config\.json: output\.dir: \S*taken is a file, not a folder/],
    ['--output runs through a file', (dir: string) => ({ config: {}, args: ['--output', join(dir, 'taken', 'out')] }), /--output: \S*taken is a file, not a folder/],
    ['the dataset folder itself is a file', (dir: string) => ({ config: {}, args: ['--output', dir] }), /--output: \S*checked is a file, not a folder/],
  ])('%s: one message naming it, exit 2, nothing written', async (_, setup, message) => {
    const dir = await temp.make({ taken: 'not a folder', checked: 'not a folder either' });
    const { config, args } = setup(dir);
    const files = { 'config.json': JSON.stringify({ name: 'checked', seeds: SEEDS, ...config }) };
    const configDir = await temp.make(files);
    const result = await runCliInProcess(['run', '--config', join(configDir, 'config.json'), ...args]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('    at ');
    expect(result.stderr).not.toContain('SIMULATED');
    expect((await readdir(dir)).sort()).toEqual(['checked', 'taken']);
    expect(await readdir(configDir)).toEqual(['config.json']);
  });

  // Root may write anywhere, so the permission check is tested as an unprivileged user.
  const asNobody = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'true']).status === 0;
  it.skipIf(!asNobody)('a folder the user may not write to (run as nobody): one message naming it, exit 2, nothing written', async () => {
    const dir = await temp.make({ 'config.json': JSON.stringify({ name: 'locked-out', seeds: SEEDS }) });
    await mkdir(join(dir, 'locked'));
    // nobody may read the config and enter the folders, but not write in `locked`.
    await chmod(dir, 0o755);
    await chmod(join(dir, 'locked'), 0o755);
    const result = await runAsNobody(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'locked', 'out')]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/--output: cannot write to the folder \S*locked \(EACCES\)/);
    expect(result.stderr).not.toContain('    at ');
    expect(await readdir(join(dir, 'locked'))).toEqual([]);
  });
});

function runAsNobody(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, join(PROJECT_ROOT, 'bin/scarecrow.js'), ...args], {
      cwd: '/tmp',
      env: { ...process.env, HOME: '/tmp' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('validate', () => {
  it('refuses batch: true on the simulator with its Batch API off, and says an endpoint role\'s Batch API is checked by run', async () => {
    const off = await temp.make({ 'config.json': JSON.stringify({ seeds: { limit: 1 }, targets: [{ model: 'sim-target', batch: true }], simulator: { batch: { enabled: false } } }) });
    const refused = await runCliInProcess(['validate', '--config', join(off, 'config.json')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/targets\[0\]\.batch: targets\[0\] \(sim-target\) has batch: true, but its built-in simulator \(simulator\.batch\.enabled is false\) has no Batch API/);

    const endpoint = await temp.make({ 'config.json': JSON.stringify({ seeds: { limit: 1 }, judges: [{ model: 'm', baseURL: 'http://127.0.0.1:9/v1', batch: true }], refusalJudge: null }) });
    const noted = await runCliInProcess(['validate', '--config', join(endpoint, 'config.json')]);
    expect(noted.code, noted.stderr).toBe(0);
    expect(noted.stdout).toContain('note: judges[0] has batch: true; run checks that its endpoint has a Batch API before any work (validate calls no endpoint)');
  });

  it('reports every problem of a config, each with its line: an unknown key and a wrong type', async () => {
    const text = ['{', '  "name": "x",', '  "colour": "red",', '  "probe": {', '    "samples": "3"', '  }', '}'].join('\n');
    const dir = await temp.make({ 'config.json': text });
    const result = await runCliInProcess(['validate', '--config', join(dir, 'config.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/config\.json:3: colour: unknown field colour/);
    expect(result.stderr).toMatch(/config\.json:5: probe\.samples: /);
  });

  it('reports a missing key variable, a bad seed file, a missing dedupe.against file and an unwritable output folder together', async () => {
    const dir = await temp.make({
      'config.json': JSON.stringify({
        seeds: { paths: ['bad.jsonl'] },
        generator: { model: 'gpt-4o', baseURL: 'https://api.openai.com/v1', apiKeyEnv: 'SCARECROW_TEST_MISSING_KEY' },
        dedupe: { against: ['earlier.jsonl'] },
        output: { dir: 'taken' },
      }, null, 2),
      'bad.jsonl': '{"id": "a", "concept": "x", "category": "hate"}\n',
      taken: 'a file',
    });
    const result = await runCliInProcess(['validate', '--config', join(dir, 'config.json')], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/4 problems/);
    // Line 10 of the pretty-printed config: the generator's apiKeyEnv.
    expect(result.stderr).toMatch(/config\.json:10: generator\.apiKeyEnv: names the environment variable SCARECROW_TEST_MISSING_KEY, which is not set/);
    expect(result.stderr).toMatch(/bad\.jsonl:1: concept: /);
    expect(result.stderr).toMatch(/config\.json: dedupe\.against: \S*earlier\.jsonl: no such file/);
    expect(result.stderr).toMatch(/output\.dir: \S*taken is a file, not a folder/);
  });
});
