// Offline batch benchmark: node bin/run-script.js bench/batch-files.ts [--config FILE] [--stages judge,probe]
// On a config (the bundled defaults when none is given), against the simulator: a plain run,
// then for each stage `batch export` / answer every line / `batch import` until the export has
// nothing left, then `run`. A standalone simulator answers the lines, standing in for
// `vllm run-batch`. Prints each wave's requests and the commands' wall times, the calls the last
// run made per role, and whether its data files equal the plain run's byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startSimulator } from '../simulator/start-simulator.ts';

const { values } = parseArgs({ options: { config: { type: 'string' }, stages: { type: 'string', default: 'judge' } } });
const DATA_FILES = ['data/all.jsonl', 'data/hard.jsonl', 'data/toxic.jsonl', 'duplicates.jsonl', 'failures.jsonl'];
const dir = await mkdtemp(join(tmpdir(), 'scarecrow-batch-bench-'));
const configFlag = values.config ? ['--config', resolve(values.config)] : [];
const simulator = await startSimulator({ port: 0 });

function scarecrow(args: string[]): { stdout: string; ms: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['bin/scarecrow.js', ...args, ...configFlag], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  if (child.status !== 0) throw new Error(`scarecrow ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return { stdout: child.stdout, ms: performance.now() - started };
}

/** What vllm run-batch would write: each line answered over HTTP by the simulator. */
async function answer(input: string, output: string): Promise<number> {
  const lines = (await readFile(input, 'utf8')).trim().split('\n').map((text) => JSON.parse(text) as { custom_id: string; body: unknown });
  const answered: string[] = [];
  for (let start = 0; start < lines.length; start += 64) {
    answered.push(...(await Promise.all(lines.slice(start, start + 64).map(async (line, index) => {
      const response = await fetch(`${simulator.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(line.body) });
      return JSON.stringify({ id: `vllm-${start + index}`, custom_id: line.custom_id, response: { status_code: response.status, body: await response.json() }, error: null });
    }))));
  }
  await writeFile(output, answered.join('\n') + '\n');
  return lines.length;
}

async function dataOf(dataset: string): Promise<string> {
  return (await Promise.all(DATA_FILES.map((name) => readFile(join(dataset, name), 'utf8')))).join('\u0000');
}

try {
  const plain = scarecrow(['run', '--output', join(dir, 'plain'), '--no-cache', '--quiet']);
  console.log(`plain run (--no-cache): ${(plain.ms / 1000).toFixed(1)} s`);
  const output = join(dir, 'out');
  console.log('| stage | wave | requests | export | import |');
  console.log('|---|---:|---:|---:|---:|');
  for (const stage of values.stages.split(',')) {
    for (let wave = 1; wave <= 10; wave++) {
      const exported = scarecrow(['batch', 'export', '--stage', stage, '--output', output, '--out', join(dir, `${stage}.requests.jsonl`), '--quiet']);
      const files = [...exported.stdout.matchAll(/vllm run-batch -i (\S+) -o (\S+) --model/g)].map((match) => ({ input: match[1]!, output: match[2]! }));
      if (files.length === 0) {
        console.log(`| ${stage} | ${wave} | 0 | ${(exported.ms / 1000).toFixed(1)} s | - |`);
        break;
      }
      let requests = 0;
      for (const file of files) requests += await answer(file.input, file.output);
      const imported = scarecrow(['batch', 'import', '--output', output, '--in', ...files.map((file) => file.output)]);
      console.log(`| ${stage} | ${wave} | ${requests.toLocaleString('en-US')} | ${(exported.ms / 1000).toFixed(1)} s | ${(imported.ms / 1000).toFixed(1)} s |`);
    }
  }
  const run = scarecrow(['run', '--output', output, '--quiet']);
  const name = JSON.parse(await readFile(join(run.stdout.match(/dataset written to (\S+)/)![1]!, 'manifest.json'), 'utf8'));
  const calls = Object.entries(name.usage as Record<string, { calls: number }>).map(([role, usage]) => `${role} ${usage.calls}`).join(', ') || 'none';
  const dataset = run.stdout.match(/dataset written to (\S+)/)![1]!;
  const same = (await dataOf(dataset)) === (await dataOf(join(dir, 'plain', name.name ?? dataset.split('/').at(-1)!)));
  console.log(`run after import: ${(run.ms / 1000).toFixed(1)} s; calls made: ${calls}; data files equal the plain run's: ${same}`);
} finally {
  await simulator.close();
  await rm(dir, { recursive: true, force: true });
}
