import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerEvalCommand } from '../../cli/commands/eval.ts';
import { EvaluationFile } from '../../pipeline/evaluation/evaluation-result.ts';
import { makeDataset } from '../harness-export/make-dataset.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { startFakeChatEndpoint, type Behaviour } from './fake-chat-endpoint.ts';

const temp = useTempDir();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function endpoint(rule: (options: { model: string; prompt: string }) => Behaviour) {
  const server = await startFakeChatEndpoint(rule);
  closers.push(server.close);
  return server;
}

/** `scarecrow eval ARGS` in this process, with what it printed and the exit code it set. */
async function evalCommand(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number | undefined }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const program = new Command().exitOverride();
  registerEvalCommand(program);
  try {
    await program.parseAsync(['node', 'scarecrow', 'eval', '--quiet', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  return { stdout, stderr, exitCode: process.exitCode === undefined ? undefined : Number(process.exitCode) };
}

const evaluationFiles = (dir: string) => ['eval.json', 'report.html', 'eval-checkpoint.jsonl'].filter((file) => existsSync(join(dir, file)));
const readEval = async (dir: string) => EvaluationFile.parse(JSON.parse(await readFile(join(dir, 'eval.json'), 'utf8')));

describe('eval against a target that gives no answer', () => {
  it('exits 1, names the target and its error, and writes no eval.json, report or card section', async () => {
    const server = await endpoint(() => ({ status: 500 }));
    const dir = await makeDataset({ outputDir: await temp.make() });
    const card = await readFile(join(dir, 'README.md'), 'utf8');

    const { stdout, stderr, exitCode } = await evalCommand(['--dataset', dir, '--target', `broken=${server.url}`]);

    expect(exitCode).toBe(1);
    expect(stderr).toMatch(new RegExp(`error: target broken \\(${server.url.replace(/[.]/g, '\\.')}\\) gave no answer \\(5 failed after retries\\): .*answered 500`));
    expect(stderr).toMatch(/nothing written/);
    expect(stdout).not.toMatch(/eval written/);
    expect(evaluationFiles(dir)).toEqual([]);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe(card);
  });

  it('treats a target that answers HTML instead of JSON the same way, and says why', async () => {
    const server = await endpoint(() => 'html');
    const dir = await makeDataset({ outputDir: await temp.make() });
    const { stderr, exitCode } = await evalCommand(['--dataset', dir, '--target', `proxied=${server.url}`]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/target proxied .* gave no answer \(5 failed after retries\): the response was not a chat completion/);
    expect(evaluationFiles(dir)).toEqual([]);
  });

  it('keeps an earlier evaluation as it was when every target fails this time', async () => {
    const good = await endpoint(() => 'answer');
    const dir = await makeDataset({ outputDir: await temp.make() });
    expect((await evalCommand(['--dataset', dir, '--target', `good=${good.url}`])).exitCode).toBeUndefined();
    const before = await Promise.all(['eval.json', 'README.md', 'report.html'].map((file) => readFile(join(dir, file), 'utf8')));

    const broken = await endpoint(() => ({ status: 500 }));
    const { exitCode } = await evalCommand(['--dataset', dir, '--target', `later=${broken.url}`]);
    expect(exitCode).toBe(1);
    expect(await Promise.all(['eval.json', 'README.md', 'report.html'].map((file) => readFile(join(dir, file), 'utf8')))).toEqual(before);
  });

  it('writes the targets that answered, leaves out the one that did not, and exits 1 naming it', async () => {
    const server = await endpoint(({ model }) => (model === 'broken' ? { status: 500 } : 'answer'));
    const dir = await makeDataset({ outputDir: await temp.make() });

    const { stdout, stderr, exitCode } = await evalCommand(['--dataset', dir, '--target', `good=${server.url}`, '--target', `broken=${server.url}`]);

    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/eval written to .*eval\.json/);
    expect(stdout).toMatch(/good: over-refusal benign 0\.0%/);
    expect(stderr).toMatch(/error: target broken .* gave no answer/);
    expect(stderr).not.toMatch(/target good/);
    expect((await readEval(dir)).models.map((model) => model.model)).toEqual(['good']);
    const card = await readFile(join(dir, 'README.md'), 'utf8');
    expect(card).toMatch(/\| `good` \|/);
    expect(card).not.toMatch(/broken|n\/a/);
    const report = await readFile(join(dir, 'report.html'), 'utf8');
    expect(report).toContain('data-label="good"');
    expect(report).not.toContain('broken');
  });
});
