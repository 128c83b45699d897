import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFolderAtomically } from '../../pipeline/dataset/write-atomically.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

describe('writeFolderAtomically', () => {
  it('replaces the old folder whole and clears leftovers of interrupted writes', async () => {
    const dir = await temp.make({ 'ds/old.txt': 'old' });
    await mkdir(join(dir, '.ds.partial-dead'));
    await writeFolderAtomically(join(dir, 'ds'), { 'data/a.jsonl': '{}\n', 'README.md': 'card' });
    expect(await readdir(dir)).toEqual(['ds']);
    expect((await readdir(join(dir, 'ds'))).sort()).toEqual(['README.md', 'data']);
    expect(await readFile(join(dir, 'ds/data/a.jsonl'), 'utf8')).toBe('{}\n');
  });
});
