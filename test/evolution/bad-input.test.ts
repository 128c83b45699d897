import { describe, it } from 'vitest';
import { expectRefusedConfig } from '../support/expect-refused-config.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

describe('scarecrow run and validate with a bad evolve config', () => {
  it.each([
    ['{\n  "targets": [],\n  "evolve": { "rounds": 2 }\n}', /config\.json:3: evolve\.rounds: search rounds need at least one target/],
    ['{\n  "evolve": {\n    "rounds": 1,\n    "operators": ["shorten", "translate"]\n  }\n}', /config\.json:4: evolve\.operators\[1\]: /],
    ['{\n  "evolve": {\n    "rounds": 1,\n    "childrenPerParent": 0\n  }\n}', /config\.json:4: evolve\.childrenPerParent: /],
  ])('exits 2 on %s and writes nothing', async (config, message) => {
    await expectRefusedConfig(await temp.make({ 'config.json': config }), message);
  });
});
