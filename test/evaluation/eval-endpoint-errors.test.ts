import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerEvalCommand } from '../../cli/commands/eval.ts';
import { makeDataset } from '../harness-export/make-dataset.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

const evalCommand = async (args: string[]) => {
  const program = new Command().exitOverride();
  registerEvalCommand(program);
  return program.parseAsync(['node', 'scarecrow', 'eval', '--quiet', ...args]);
};

describe('eval endpoint errors', () => {
  // The exit code and the absence of a stack trace are what the user sees: the command as the CLI runs it, output captured.
  it('stops with one line and exit 2 when the API key variable is unset, and writes nothing', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const env = { SCARECROW_TEST_UNSET_KEY: '' };
    const result = await runCliInProcess(['eval', '--dataset', dir, '--target', 'm=https://api.openai.com/v1', '--api-key-env', 'SCARECROW_TEST_UNSET_KEY'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: target m \(https:\/\/api\.openai\.com\/v1\): the environment variable SCARECROW_TEST_UNSET_KEY .* is not set/)]);
    expect(existsSync(join(dir, 'eval.json'))).toBe(false);
  });

  it('names the target, not the generator, when a target endpoint cannot be reached', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const error = await evalCommand(['--dataset', dir, '--target', 'foo=http://127.0.0.1:9/v1']).catch((caught: Error) => caught);
    expect(error).toMatchObject({ name: 'UserError', message: expect.stringMatching(/^cannot reach the target foo endpoint http:\/\/127\.0\.0\.1:9\/v1/) });
    expect((error as Error).message).not.toMatch(/generator|judge/);
  });

  it('names the second target when it is the one that cannot be reached', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const error = await evalCommand(['--dataset', dir, '--target', 'sim-target', '--target', 'bar=http://127.0.0.1:9/v1']).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(/^cannot reach the target bar endpoint/);
  });
});
