import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../pipeline/loading/project-root.ts';

export const projectRoot = PROJECT_ROOT;

/** Runs `scarecrow dedupe ...` as a user would. */
export function runDedupe(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin/scarecrow.js'), 'dedupe', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
