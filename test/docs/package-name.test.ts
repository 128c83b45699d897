import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { useTempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const temp = useTempDir();
const readJson = async (file: string) => JSON.parse(await readFile(join(PROJECT_ROOT, file), 'utf8'));

describe('the package name', () => {
  it('is not the npm name of an unrelated package, and the lock file agrees', async () => {
    const manifest = await readJson('package.json');
    const lock = await readJson('package-lock.json');
    // "scarecrow" on the registry is someone else's package: ours must be publishable under its own name.
    expect(manifest.name).not.toBe('scarecrow');
    expect(lock.name).toBe(manifest.name);
    expect(lock.packages[''].name).toBe(manifest.name);
    expect(manifest.bin).toEqual({ scarecrow: 'bin/scarecrow.js' });
    expect(manifest.scripts.start).toBe('node bin/scarecrow.js run');
  });

  it('is used in the README only as `npx --no scarecrow`, which never downloads a package', async () => {
    const readme = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8');
    // What a user copies: fenced blocks and inline code.
    const code = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```|`([^`\n]+)`/g)].map((match) => match[1] ?? match[2]).join('\n');
    const commands = code.match(/npx\s+\S+(\s+\S+)?/g) ?? [];
    expect(commands.length).toBeGreaterThan(20);
    for (const command of commands) expect(command).toMatch(/^npx --no scarecrow\b/);
  });

  it('runs the clone\'s own CLI with `npx --no scarecrow`, and refuses rather than fetches outside a clone', async () => {
    const inside = await run('npx', ['--no', 'scarecrow', 'validate', '--help'], { cwd: PROJECT_ROOT });
    expect(inside.stdout).toMatch(/^Usage: scarecrow validate/m);
    const outside = await temp.make({ 'package.json': JSON.stringify({ name: 'elsewhere', version: '1.0.0' }) });
    const refused = await run('npx', ['--no', 'scarecrow', 'validate', '--help'], { cwd: outside }).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(refused?.code).not.toBe(0);
    expect(refused?.stderr).toMatch(/could not determine executable to run|npx canceled/);
  }, 60_000);
});
