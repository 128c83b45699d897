import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../pipeline/input/load-seeds.ts';
import { CATEGORIES } from '../../pipeline/schemas/category.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const row = (fields: Record<string, unknown>) => JSON.stringify({ id: 's-1', concept: 'stealing a car', category: 'illegal', ...fields });

describe('loadSeeds', () => {
  it('ships at least 30 seeds in each of the ten categories, with unique ids', async () => {
    const seeds = await loadSeeds([join(PROJECT_ROOT, 'seeds')]);
    for (const category of CATEGORIES) expect(seeds.filter((seed) => seed.category === category).length).toBeGreaterThanOrEqual(30);
    expect(new Set(seeds.map((seed) => seed.id)).size).toBe(seeds.length);
  });

  it('reads JSONL and CSV files from a folder, sorted by id', async () => {
    const dir = await temp.make({
      'a.jsonl': `${row({ id: 'b-2' })}\n\n${row({ id: 'a-1', notes: 'n' })}\n`,
      'b.csv': 'id,concept,category,notes\nc-3,"doxxing a journalist, at home",privacy,\n',
    });
    const seeds = await loadSeeds([dir]);
    expect(seeds.map((seed) => seed.id)).toEqual(['a-1', 'b-2', 'c-3']);
    expect(seeds[2]).toEqual({ id: 'c-3', concept: 'doxxing a journalist, at home', category: 'privacy', source: 'file' });
  });

  it('marks the bundled seeds as bundled and refuses a source written in a seed file', async () => {
    const bundled = await loadSeeds([join(PROJECT_ROOT, 'seeds', 'privacy.jsonl')]);
    expect(new Set(bundled.map((seed) => seed.source))).toEqual(new Set(['bundled']));
    const dir = await temp.make({ 'a.jsonl': `${JSON.stringify({ id: 'a-1', concept: 'doxxing a journalist', category: 'privacy', source: 'generated' })}\n` });
    await expect(loadSeeds([dir])).rejects.toThrow(/a\.jsonl:1: .*source/);
  });

  it.each([
    ['a.jsonl', `${row({})}\n{not json\n`, /a\.jsonl:2: not valid JSON/],
    ['a.jsonl', `${row({ category: 'weapons' })}\n`, /a\.jsonl:1: category: /],
    ['a.jsonl', `${row({ colour: 'red' })}\n`, /a\.jsonl:1: colour: unknown field/],
    ['a.jsonl', `${JSON.stringify({ id: 'x', category: 'hate' })}\n`, /a\.jsonl:1: concept: /],
    ['a.jsonl', '\n\n', /a\.jsonl: the seed file is empty/],
    ['a.csv', 'id,concept,category,colour\nx,stealing,illegal,red\n', /a\.csv:1: colour: unknown column/],
    ['a.csv', 'id,concept,category\nx,stealing,weapons\n', /a\.csv:2: category: /],
    ['a.txt', 'hello', /seed files must be \.jsonl or \.csv/],
  ])('rejects %s with %s naming file, line and field', async (name, content, message) => {
    const dir = await temp.make({ [name]: content });
    await expect(loadSeeds([join(dir, name)])).rejects.toThrow(message);
  });

  it('rejects a seed id used twice across files', async () => {
    const dir = await temp.make({ 'a.jsonl': row({}) + '\n', 'b.jsonl': row({}) + '\n' });
    await expect(loadSeeds([dir])).rejects.toThrow(/b\.jsonl:1: id: duplicate seed id s-1/);
  });
});
