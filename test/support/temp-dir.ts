import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temp folder per test, removed afterwards, with a helper to write files in it. */
export function useTempDir() {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return {
    async make(files: Record<string, string> = {}): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'scarecrow-test-'));
      made.push(dir);
      for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), content);
      }
      return dir;
    },
  };
}
