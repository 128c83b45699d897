import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../input/project-root.ts';

const RECORDED_PACKAGES = ['openai', 'zod', '@langchain/core', 'bullmq', 'ioredis', 'fast-levenshtein'];

function versionOf(packageDir: string): string {
  try {
    return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** scarecrow's own version and those of the packages that shape a dataset, for the manifest. */
export function packageVersions(): Record<string, string> {
  return {
    scarecrow: versionOf(PROJECT_ROOT),
    node: process.version,
    ...Object.fromEntries(RECORDED_PACKAGES.map((name) => [name, versionOf(join(PROJECT_ROOT, 'node_modules', name))])),
  };
}
