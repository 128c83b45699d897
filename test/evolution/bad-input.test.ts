import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

describe('scarecrow run and validate with a bad evolve config', () => {
  it.each([
    ['{\n  "targets": [],\n  "evolve": { "rounds": 2 }\n}', /config\.json:3: evolve\.rounds: search rounds need at least one target/],
    ['{\n  "evolve": {\n    "rounds": 1,\n    "operators": ["shorten", "translate"]\n  }\n}', /config\.json:4: evolve\.operators\[1\]: /],
    ['{\n  "evolve": {\n    "rounds": 1,\n    "childrenPerParent": 0\n  }\n}', /config\.json:4: evolve\.childrenPerParent: /],
  ])('exits 2 on %s and writes nothing', async (config, message) => {
    const dir = await temp.make({ 'config.json': config });
    for (const command of ['run', 'validate']) {
      const result = await runCliInProcess([command, '--config', join(dir, 'config.json'), ...(command === 'run' ? ['--output', join(dir, 'out')] : [])]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('    at ');
    }
    expect(await readdir(dir)).toEqual(['config.json']);
  });
});
