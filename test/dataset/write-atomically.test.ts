import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thisHost } from '../../pipeline/dataset/process-identity.ts';
import { writeFolderAtomically } from '../../pipeline/dataset/write-atomically.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { readFolder } from '../support/read-dataset-files.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

/** A process that writes `target` `count` times in a tight loop; resolves with its tally. */
function writeLoop(target: string, writer: string, count: number): Promise<{ writer: string; writes: number; failed: number; first: string | null }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/run-script.js'), join(PROJECT_ROOT, 'test/dataset/support/write-loop.ts'), target, writer, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  return new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`writer exited ${code}`)))));
}

describe('writeFolderAtomically', () => {
  it('replaces the old folder whole and clears leftovers of interrupted writes', async () => {
    const dir = await temp.make({ 'ds/old.txt': 'old' });
    await mkdir(join(dir, '.ds.partial-dead'));
    // A writer that died: its pid is past any running process.
    await mkdir(join(dir, `.ds.partial-2147483646-0badf00d@${thisHost()}`));
    await writeFolderAtomically(join(dir, 'ds'), { 'data/a.jsonl': '{}\n', 'README.md': 'card' });
    expect(await readdir(dir)).toEqual(['ds']);
    expect((await readdir(join(dir, 'ds'))).sort()).toEqual(['README.md', 'data']);
    expect(await readFile(join(dir, 'ds/data/a.jsonl'), 'utf8')).toBe('{}\n');
  });

  it('leaves the temp folders of a writer that is still running', async () => {
    const dir = await temp.make();
    const live = `.ds.partial-${process.pid}-0badf00d@${thisHost()}`;
    await mkdir(join(dir, live));
    await writeFile(join(dir, live, 'half.jsonl'), '{}\n');
    await writeFolderAtomically(join(dir, 'ds'), { 'a.txt': 'a' });
    expect((await readdir(dir)).sort()).toEqual([live, 'ds'].sort());
  });

  it('two processes writing the same folder 40 times each in a tight loop: every write succeeds and the folder is always whole', async () => {
    const dir = await temp.make();
    const target = join(dir, 'ds');
    const results = await Promise.all([writeLoop(target, 'a', 40), writeLoop(target, 'b', 40)]);
    for (const result of results) expect(result, result.first ?? '').toMatchObject({ writes: 40, failed: 0 });
    expect(await readdir(dir)).toEqual(['ds']);
    const files = Object.values(await readFolder(target));
    expect(files).toHaveLength(8);
    // One writer's folder, not a mix of both.
    expect(new Set(files.map((text) => JSON.parse(text.split('\n')[0]!).writer)).size).toBe(1);
  }, 120_000);

  it('moves the replaced folder where keepReplaced says instead of deleting it', async () => {
    const dir = await temp.make({ 'ds/eval.json': '{"kept":true}' });
    const result = await writeFolderAtomically(join(dir, 'ds'), { 'a.txt': 'new' }, { keepReplaced: async () => join(dir, 'kept', 'one') });
    expect(result.kept).toEqual([join(dir, 'kept', 'one')]);
    expect(await readFile(join(dir, 'kept/one/eval.json'), 'utf8')).toBe('{"kept":true}');
    expect(await readdir(join(dir, 'ds'))).toEqual(['a.txt']);
  });

  it('writes a file given in pieces, as they come, exactly as the joined text', async () => {
    const dir = await temp.make();
    async function* pieces() {
      for (let line = 0; line < 1000; line += 1) yield `{"line":${line},"text":"naïve 日本語 🙂"}\n`;
    }
    await writeFolderAtomically(join(dir, 'ds'), { 'data/a.jsonl': pieces(), 'b.txt': ['one ', '', 'two'] });
    const expected = Array.from({ length: 1000 }, (_, line) => `{"line":${line},"text":"naïve 日本語 🙂"}\n`).join('');
    expect(await readFile(join(dir, 'ds/data/a.jsonl'), 'utf8')).toBe(expected);
    expect(await readFile(join(dir, 'ds/b.txt'), 'utf8')).toBe('one two');
  });

  it('stopped between pieces, it removes its temp folder and leaves the folder in place as it was', async () => {
    const dir = await temp.make({ 'ds/a.txt': 'old' });
    const controller = new AbortController();
    async function* pieces() {
      yield 'first piece\n';
      controller.abort(new DOMException('interrupted', 'AbortError'));
      yield 'second piece\n';
    }
    await expect(writeFolderAtomically(join(dir, 'ds'), { 'a.txt': pieces() }, { signal: controller.signal })).rejects.toThrow('interrupted');
    expect(await readdir(dir)).toEqual(['ds']);
    expect(await readFile(join(dir, 'ds/a.txt'), 'utf8')).toBe('old');
  });
});
