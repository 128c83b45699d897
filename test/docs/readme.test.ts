import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillReadme } from '../../pipeline/docs/update-readme.ts';
import { PROJECT_ROOT } from '../../pipeline/loading/project-root.ts';

describe('README', () => {
  it('documents every config field as the schema describes it (run `npm run docs` after changing the schema)', async () => {
    const text = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(fillReadme(text)).toBe(text);
    expect(text).toContain('`probe.refusalThreshold`');
  });

  it('keeps the two-command quick start', async () => {
    const text = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(text).toContain('npm ci && npm start');
    expect(text).toContain('npm test');
  });
});
