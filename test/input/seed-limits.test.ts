import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../pipeline/input/load-seeds.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const row = (fields: Record<string, unknown> = {}) => JSON.stringify({ id: 's-1', concept: 'stealing a car', category: 'illegal', ...fields });

async function seedFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await temp.make();
  await writeFile(join(dir, name), content);
  return join(dir, name);
}

describe('seed file encoding', () => {
  it('accepts a JSONL file that starts with a byte-order mark', async () => {
    const file = await seedFile('a.jsonl', Buffer.concat([BOM, Buffer.from(`${row()}\n${row({ id: 's-2' })}\n`)]));
    expect((await loadSeeds([file])).map((seed) => seed.id)).toEqual(['s-1', 's-2']);
  });

  it.each([
    ['a.jsonl', 2, (bad: Buffer) => Buffer.concat([Buffer.from(`${row()}\n${row({ id: 's-2' }).slice(0, -20)}`), bad, Buffer.from(`${row({ id: 's-2' }).slice(-20)}\n`)])],
    ['a.csv', 3, (bad: Buffer) => Buffer.concat([Buffer.from('id,concept,category\ns-1,stealing a car,illegal\ns-2,stealing a '), bad, Buffer.from(' car,illegal\n')])],
  ])('refuses invalid UTF-8 in %s, naming the line, instead of turning it into U+FFFD', async (name, line, content) => {
    // 0xE9 is é in Latin-1: the usual way a non-UTF-8 file turns up.
    const file = await seedFile(name, content(Buffer.from([0xe9])));
    await expect(loadSeeds([file])).rejects.toThrow(new RegExp(`${name.replace('.', '\\.')}:${line}: not valid UTF-8`));
  });
});

describe('seed size limits', () => {
  it('refuses a 10 MB concept at once, naming the line, without reading the whole line', async () => {
    const file = await seedFile('a.jsonl', `${row()}\n${row({ id: 's-2', concept: 'x'.repeat(10 * 1024 * 1024) })}\n`);
    const started = performance.now();
    await expect(loadSeeds([file])).rejects.toThrow(/a\.jsonl:2: line longer than 64 KiB, the limit for a seed file/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['a.jsonl', `${row({ concept: 'y'.repeat(1001) })}\n`, /a\.jsonl:1: concept: at most 1000 characters/],
    ['a.jsonl', `${row({ notes: 'n'.repeat(4001) })}\n`, /a\.jsonl:1: notes: at most 4000 characters/],
    ['a.csv', `id,concept,category\ns-1,"${'z'.repeat(1001)}",illegal\n`, /a\.csv:2: concept: at most 1000 characters/],
  ])('refuses an over-long concept or notes in %s, naming line and field', async (name, content, message) => {
    await expect(loadSeeds([await seedFile(name, content)])).rejects.toThrow(message);
  });

  it('accepts a concept of exactly 1000 characters', async () => {
    const seeds = await loadSeeds([await seedFile('a.jsonl', `${row({ concept: 'y'.repeat(1000) })}\n`)]);
    expect(seeds[0]!.concept).toHaveLength(1000);
  });

  it('refuses a seed file of more than 100,000 rows, naming the first line past the limit', async () => {
    const lines = Array.from({ length: 100_001 }, (_, index) => row({ id: `s-${index}` }));
    await expect(loadSeeds([await seedFile('a.jsonl', lines.join('\n'))])).rejects.toThrow(/a\.jsonl:100001: more than 100,000 rows, the limit for a seed file/);
  });
});

describe('every problem of the seed files', () => {
  it('is reported together: each bad row of each file with its line and field, and duplicate ids', async () => {
    const dir = await temp.make({
      'a.jsonl': [row({ id: 'a-1' }), row({ id: 'a-2', category: 'weapons' }), '{oops', row({ id: 'a-4', concept: 'no', colour: 'red' })].join('\n'),
      'b.jsonl': [row({ id: 'a-1' }), row({ id: 'b-2' })].join('\n'),
    });
    const message = await loadSeeds([dir]).then(() => '', (error: Error) => error.message);
    expect(message).toMatch(/a\.jsonl: 4 problems/);
    expect(message).toMatch(/a\.jsonl:2: category: /);
    expect(message).toMatch(/a\.jsonl:3: not valid JSON/);
    expect(message).toMatch(/a\.jsonl:4: concept: /);
    expect(message).toMatch(/a\.jsonl:4: colour: unknown field colour/);
    expect(message).toMatch(/b\.jsonl:1: id: duplicate seed id a-1 \(first in \S*a\.jsonl:1\)/);
  });
});
