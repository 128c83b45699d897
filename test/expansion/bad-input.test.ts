import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const SEEDS = { paths: [join(PROJECT_ROOT, 'seeds')], limit: 1, categories: ['privacy'] };

describe('bad seed expansion and language settings', () => {
  it.each([
    ['perCategory over the maximum', { seeds: { ...SEEDS, expand: { perCategory: 50_000 } } }, /config\.json:\d+: seeds\.expand\.perCategory: at most 5000 new concepts per category/],
    ['an unknown language code', { generate: { languages: ['en', 'xx'] } }, /config\.json:\d+: generate\.languages\[1\]: not a known BCP 47 language code/],
    ['a malformed language code', { generate: { languages: ['en_US!'] } }, /config\.json:\d+: generate\.languages\[0\]: not a known BCP 47 language code/],
    ['an empty language list', { generate: { languages: [] } }, /config\.json:\d+: generate\.languages: at least one language is needed/],
    ['a language listed twice', { generate: { languages: ['de', 'DE'] } }, /config\.json:\d+: generate\.languages\[1\]: de is listed twice/],
  ])('%s: one message naming the field and line, exit 2, nothing written', async (_, config, message) => {
    const dir = await temp.make({ 'config.json': JSON.stringify({ name: 'bad', seeds: SEEDS, ...config }, null, 2) });
    const result = await runCliInProcess(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('    at ');
    expect(await readdir(dir)).toEqual(['config.json']);
  });
});
