import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCliInProcess } from './run-cli-in-process.ts';

/**
 * What a user sees of a bad config: `run` and `validate` both exit 2 with `message` and no
 * stack trace, and the folder holding config.json gets nothing else (no dataset, no journal).
 */
export async function expectRefusedConfig(dir: string, message: RegExp): Promise<void> {
  for (const command of ['run', 'validate']) {
    const result = await runCliInProcess([command, '--config', join(dir, 'config.json'), ...(command === 'run' ? ['--output', join(dir, 'out')] : [])]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('    at ');
  }
  expect(await readdir(dir)).toEqual(['config.json']);
}
