import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../pipeline/input/load-config.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

describe('loadConfig', () => {
  it('fills defaults and resolves relative to the config folder', async () => {
    const dir = await temp.make({ 'my.json': JSON.stringify({ name: 'mine', probe: { samples: 5 } }) });
    const loaded = await loadConfig(join(dir, 'my.json'));
    expect(loaded.config.name).toBe('mine');
    expect(loaded.config.probe).toMatchObject({ samples: 5, refusalThreshold: 0.5 });
    expect(loaded.config.judges).toHaveLength(3);
    expect(loaded.baseDir).toBe(dir);
  });

  it.each([
    ['{\n  "name": "x",\n  "probe": { "samples": 3, }\n}', /my\.json:3: not valid JSON/],
    ['{\n  "name": "x",\n  "colour": "red"\n}', /my\.json:3: colour: unknown field/],
    ['{\n  "probe": {\n    "samples": 0\n  }\n}', /my\.json:3: probe\.samples: /],
    ['{\n  "seeds": { "categories": ["weapons"] }\n}', /my\.json:2: seeds\.categories\[0\]: /],
    ['{ "generator": { "model": "gpt", "apiKey": "sk-123" } }', /generator\.apiKey: unknown field/],
  ])('rejects %j naming the line and field', async (text, message) => {
    const dir = await temp.make({ 'my.json': text });
    await expect(loadConfig(join(dir, 'my.json'))).rejects.toThrow(message);
  });

  it('names a missing file', async () => {
    await expect(loadConfig('/nowhere/my.json')).rejects.toThrow(/\/nowhere\/my\.json: cannot read/);
  });
});

describe('seed paths', () => {
  it('uses the bundled seeds when a config anywhere names none, and its own folder otherwise', async () => {
    const { selectSeeds } = await import('../../pipeline/runs/select-seeds.ts');
    const dir = await temp.make({
      'plain.json': JSON.stringify({ seeds: { limit: 1 } }),
      'own.json': JSON.stringify({ seeds: { paths: ['mine.jsonl'] } }),
      'mine.jsonl': JSON.stringify({ id: 'mine-1', concept: 'forging a signature', category: 'deception' }) + '\n',
    });
    expect(await selectSeeds(await loadConfig(join(dir, 'plain.json')))).toHaveLength(10);
    expect((await selectSeeds(await loadConfig(join(dir, 'own.json')))).map((seed) => seed.id)).toEqual(['mine-1']);
  });
});
