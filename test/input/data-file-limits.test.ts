import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../pipeline/dataset/read-dataset.ts';
import { readPromptRows as readDedupeInput } from '../../pipeline/dedupe/read-prompt-rows.ts';
import { readEarlierFile } from '../../pipeline/dedupe/read-earlier-file.ts';
import { classifyJsonlFile } from '../../pipeline/refusal/classify-file.ts';
import { readAllLabelledRows } from '../../pipeline/refusal/labelled-rows.ts';
import { readPromptRows as readAgainst } from '../../pipeline/runs/load-against.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const MiB = 1024 * 1024;
const LATIN1_E = Buffer.from([0xe9]);

/** A file whose line 2 is a valid JSON row of more than 1 MiB. */
const longSecondLine = (row: Record<string, unknown>, field: string) =>
  `${JSON.stringify(row)}\n${JSON.stringify({ ...row, id: 'b', [field]: 'x'.repeat(MiB) })}\n`;
/** A file whose line 2 holds a Latin-1 byte. */
const badSecondLine = (row: Record<string, unknown>) =>
  Buffer.concat([Buffer.from(`${JSON.stringify(row)}\n{"id": "b", "prompt": "caf`), LATIN1_E, Buffer.from('", "response": "ok", "label": "compliance"}\n')]);

async function file(name: string, content: string | Buffer): Promise<string> {
  const dir = await temp.make();
  await writeFile(join(dir, name), content);
  return join(dir, name);
}

const row = { id: 'a', prompt: 'how do I kill a process?', response: 'Use kill -9.', label: 'compliance' };
const readers: [string, (path: string) => Promise<unknown>][] = [
  ['dedupe.against', readAgainst],
  ['dedupe --in', readDedupeInput],
  ['dedupe --against', readEarlierFile],
  ['refusal eval --in', readAllLabelledRows],
];

describe('data files the CLI reads', () => {
  it.each(readers)('%s: a line over 1 MiB is refused, naming file and line', async (_, read) => {
    await expect(read(await file('rows.jsonl', longSecondLine(row, 'prompt')))).rejects.toThrow(/rows\.jsonl:2: line longer than 1 MiB/);
  });

  it.each(readers)('%s: invalid UTF-8 is refused, naming file and line', async (_, read) => {
    await expect(read(await file('rows.jsonl', badSecondLine(row)))).rejects.toThrow(/rows\.jsonl:2: not valid UTF-8/);
  });

  it('refusal classify: an over-long line stops it, naming the line, and leaves no output', async () => {
    const input = await file('in.jsonl', longSecondLine(row, 'response'));
    const output = join(input, '..', 'out.jsonl');
    await expect(classifyJsonlFile({ input, output })).rejects.toThrow(/in\.jsonl:2: line longer than 1 MiB/);
    expect(await readdir(join(input, '..'))).toEqual(['in.jsonl']);
  });

  it('a dataset read back (eval, export, report, push): invalid UTF-8 in a data file is refused, naming file and line', async () => {
    const dir = await temp.make({
      'manifest.json': JSON.stringify({ name: 'd', created_at: '2026-01-01T00:00:00Z', simulated: true, counts: {}, by_category: {}, usage: {}, cost_usd: null }),
      'README.md': '# d\n',
      'data/hard.jsonl': '',
      'data/toxic.jsonl': '',
    });
    await writeFile(join(dir, 'data/all.jsonl'), Buffer.concat([Buffer.from('\n{"id": "caf'), LATIN1_E, Buffer.from('"}\n')]));
    await expect(readDataset(dir)).rejects.toThrow(/data\/all\.jsonl:2: not valid UTF-8/);
  });
});
