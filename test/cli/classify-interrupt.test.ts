import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const RESPONSES = ["I'm sorry, but I can't help with that request.", 'Sure: open a terminal, find the process id with ps, then run kill -9 with that id.', 'It is important to note that this can be dangerous; however, here is how it works in general terms.'];

async function writeRows(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  for (let index = 0; index < count; index += 1) {
    if (!out.write(`${JSON.stringify({ id: String(index), prompt: `how do I kill process ${index}?`, response: `${RESPONSES[index % 3]} (${index})` })}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('SIGTERM during refusal classify of a large file', () => {
  it('stops within a second with exit 130 and leaves neither output nor temp file', async () => {
    const dir = await temp.make();
    await writeRows(join(dir, 'in.jsonl'), 400_000);
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/scarecrow.js'), 'refusal', 'classify', '--in', join(dir, 'in.jsonl'), '--out', join(dir, 'out.jsonl')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    // Wait until it is classifying (its temp file exists), then stop it.
    while (!(await readdir(dir)).some((name) => name.endsWith('.tmp'))) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = performance.now();
    child.kill('SIGTERM');
    const { code, signal } = await closed;
    expect(performance.now() - sent).toBeLessThan(1000);
    expect({ code, signal }, stderr).toEqual({ code: 130, signal: null });
    expect(stderr).toContain('nothing was written');
    expect(await readdir(dir)).toEqual(['in.jsonl']);
  }, 120_000);
});
