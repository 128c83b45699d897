import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../pipeline/input/load-config.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

async function problemsOf(text: string): Promise<string> {
  const dir = await temp.make();
  await writeFile(join(dir, 'my.json'), text);
  return loadConfig(join(dir, 'my.json')).then(
    () => '',
    (error: Error & { exitCode?: number }) => error.message,
  );
}

describe('the evolve config', () => {
  it('defaults to no rounds, every operator, and a screen of one short sample', () => {
    const { evolve } = Config.parse({});
    expect(evolve.rounds).toBe(0);
    expect(evolve.operators).toHaveLength(9);
    expect(evolve.screen).toEqual({ samples: 1, maxTokens: 48 });
  });

  it('refuses rounds with no targets, naming the line of evolve.rounds', async () => {
    const text = ['{', '  "targets": [],', '  "evolve": {', '    "rounds": 2', '  }', '}'].join('\n');
    expect(await problemsOf(text)).toMatch(/my\.json:4: evolve\.rounds: search rounds need at least one target/);
  });

  it('refuses an unknown operator, naming its place in the list', async () => {
    const text = ['{', '  "evolve": {', '    "rounds": 1,', '    "operators": [', '      "shorten",', '      "translate"', '    ]', '  }', '}'].join('\n');
    expect(await problemsOf(text)).toMatch(/my\.json:6: evolve\.operators\[1\]: .*"sensitive-word"/);
  });

  it('refuses childrenPerParent 0', async () => {
    const text = ['{', '  "evolve": { "rounds": 1,', '    "childrenPerParent": 0 }', '}'].join('\n');
    expect(await problemsOf(text)).toMatch(/my\.json:3: evolve\.childrenPerParent: .*>=1/);
  });

  it('accepts rounds with the default target', async () => {
    expect(await problemsOf('{ "evolve": { "rounds": 3 } }')).toBe('');
  });
});
