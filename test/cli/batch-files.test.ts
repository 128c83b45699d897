import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { readJsonl } from '../support/read-dataset-files.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { deletePrefix, REDIS_URL, testPrefix } from '../queue/support.ts';

const temp = useTempDir();
const DATA_FILES = ['data/all.jsonl', 'data/hard.jsonl', 'data/toxic.jsonl', 'duplicates.jsonl', 'failures.jsonl'];
const CONFIG = { name: 'offline', seeds: { paths: [join(PROJECT_ROOT, 'seeds')], categories: ['violence', 'privacy'], limit: 2 }, generate: { rewritesPerSeed: 2 } };

// Stands in for `vllm run-batch`: a standalone simulator answers each line's body as the built-in one would.
let simulator: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
});
afterAll(() => simulator.close());

async function answerBatch(input: string, output: string): Promise<number> {
  const lines = await readJsonl<{ custom_id: string; body: unknown }>(input);
  const answered = await Promise.all(
    lines.map(async (line, index) => {
      const response = await fetch(`${simulator.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(line.body) });
      return JSON.stringify({ id: `vllm-${index}`, custom_id: line.custom_id, response: { status_code: response.status, request_id: `vllm-batch-${index}`, body: await response.json() }, error: null });
    }),
  );
  await writeFile(output, answered.join('\n') + '\n');
  return lines.length;
}

async function dataOf(dataset: string) {
  return Object.fromEntries(await Promise.all(DATA_FILES.map(async (name) => [name, await readFile(join(dataset, name), 'utf8')])));
}

/** The request and result files an export names, from the `vllm run-batch -i … -o …` lines it prints. */
function batchFiles(stdout: string): { input: string; output: string }[] {
  return [...stdout.matchAll(/vllm run-batch -i (\S+) -o (\S+) --model/g)].map((match) => ({ input: match[1]!, output: match[2]! }));
}

describe('batch export and import for vllm run-batch', () => {
  it("exports the judge requests wave by wave, refuses bad output files, imports the answers, and the run then makes no judge call and writes the plain run's data", async () => {
    const dir = await temp.make({ 'config.json': JSON.stringify(CONFIG) });
    const config = join(dir, 'config.json');
    const output = join(dir, 'out');
    const plainOutput = join(dir, 'plain');
    const plain = await runCliInProcess(['run', '--config', config, '--output', plainOutput, '--no-cache']);
    expect(plain.code, plain.stderr).toBe(0);

    const requests = join(dir, 'judge.requests.jsonl');
    const exportJudge = () => runCliInProcess(['batch', 'export', '--stage', 'judge', '--config', config, '--output', output, '--out', requests, '--quiet']);
    const importFiles = (files: string[]) => runCliInProcess(['batch', 'import', '--config', config, '--output', output, '--in', ...files]);

    const first = await exportJudge();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`vllm run-batch -i ${requests} -o ${join(dir, 'judge.results.jsonl')} --model sim-judge-1`);
    expect(first.stdout).toContain('more may follow: judge asks its judges one after another');
    expect(first.stdout).toMatch(/the stages before judge made 4 calls .*generator:sim-generator 4/);
    const results = join(dir, 'judge.results.jsonl');
    const count = await answerBatch(requests, results);
    const good = (await readFile(results, 'utf8')).trim().split('\n');

    // Bad input refuses the whole file, naming file, line and field; nothing is imported.
    const bad = join(dir, 'bad.jsonl');
    const otherModel = JSON.parse(good[1]!);
    otherModel.response.body.model = 'sim-judge-2';
    await writeFile(bad, [good[0], 'not json', JSON.stringify({ ...JSON.parse(good[0]!), custom_id: 'nobody-asked' }), JSON.stringify(otherModel)].join('\n') + '\n');
    const refused = await importFiles([bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad}: 3 problems`);
    expect(refused.stderr).toContain(`${bad}:2: not JSON`);
    expect(refused.stderr).toContain(`${bad}:3: custom_id: nobody-asked is not a request exported`);
    expect(refused.stderr).toContain(`${bad}:4: response.body.model: sim-judge-2, but the request was for judges[0] (sim-judge-1)`);

    // A line the server failed is reported with its reason and stored nothing: the next export asks it again.
    const failed = JSON.stringify({ id: 'vllm-x', custom_id: JSON.parse(good[0]!).custom_id, response: { status_code: 400, request_id: 'vllm-batch-x' }, error: 'max_tokens is too large' });
    await writeFile(results, [failed, ...good.slice(1)].join('\n') + '\n');
    const partly = await importFiles([results]);
    expect(partly.code, partly.stderr).toBe(0);
    expect(partly.stdout).toContain(`imported ${count - 1} answers`);
    expect(partly.stdout).toContain(`1 lines were not answers`);
    expect(partly.stdout).toContain(`${results}:1: judges[0]: status 400: max_tokens is too large`);
    expect(partly.stdout).toContain('1 exported requests have no answer yet');

    const waves = [count];
    for (let wave = 1; wave < 5; wave++) {
      const exported = await exportJudge();
      expect(exported.code, exported.stderr).toBe(0);
      if (exported.stdout.startsWith('nothing to export')) break;
      // The failed request comes back beside the next judge's, each model in its own file.
      if (wave === 1) expect(exported.stdout).toMatch(/judges\[0\] 1\)[\s\S]*judges\[1\] \d+\)/);
      const files = batchFiles(exported.stdout);
      waves.push((await Promise.all(files.map((file) => answerBatch(file.input, file.output)))).reduce((sum, lines) => sum + lines, 0));
      const imported = await importFiles(files.map((file) => file.output));
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain(`imported ${waves.at(-1)} answers`);
    }
    // Two judges always vote, the third only where they disagree; the last export found nothing left.
    expect(waves.length).toBeGreaterThanOrEqual(2);
    expect(waves.length).toBeLessThan(5);
    expect(await readdir(output)).toEqual(['.scarecrow-cache']);

    const run = await runCliInProcess(['run', '--config', config, '--output', output]);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(output, 'offline', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.usage).filter((role) => role.startsWith('judge:'))).toEqual([]);
    expect(manifest.extra.cache.by_role['judge:sim-judge-1']).toEqual({ hits: count, misses: 0 });
    expect(await dataOf(join(output, 'offline'))).toEqual(await dataOf(join(plainOutput, 'offline')));
  });

  it('with --queue reads and fills the Redis cache of queued runs, under the same request keys', async () => {
    const dir = await temp.make({ 'config.json': JSON.stringify(CONFIG) });
    const prefix = testPrefix();
    onTestFinished(() => deletePrefix(prefix));
    const env = { REDIS_URL, SCARECROW_QUEUE_PREFIX: prefix };
    const common = ['--config', join(dir, 'config.json'), '--output', join(dir, 'out')];
    const requests = join(dir, 'requests.jsonl');
    const exportJudge = (flags: string[]) => runCliInProcess(['batch', 'export', '--stage', 'judge', ...common, '--out', requests, '--quiet', ...flags], { env });
    const first = await exportJudge(['--queue']);
    expect(first.code, first.stderr).toBe(0);
    const count = await answerBatch(requests, join(dir, 'results.jsonl'));
    const imported = await runCliInProcess(['batch', 'import', ...common, '--queue', '--in', join(dir, 'results.jsonl')], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`imported ${count} answers into`);
    // Redis now holds the first judge's answers; the embedded cache does not.
    expect((await exportJudge(['--queue'])).stdout).toMatch(/requests to sim-judge-2 \(judges\[1\] \d+\)/);
    expect((await exportJudge([])).stdout).toContain(`judge: ${count} requests`);
  });

  it('refuses a stage that cannot be written ahead, a config with the cache off, and an import with nothing exported', async () => {
    const dir = await temp.make({ 'config.json': JSON.stringify(CONFIG), 'off.json': JSON.stringify({ ...CONFIG, cache: { enabled: false } }), 'results.jsonl': '{}\n' });
    const evolve = await runCliInProcess(['batch', 'export', '--stage', 'evolve', '--config', join(dir, 'config.json')]);
    expect(evolve.code).toBe(2);
    expect(evolve.stderr).toContain('--stage: evolve cannot be exported: expand and evolve choose each request from the answers before it');
    const off = await runCliInProcess(['batch', 'export', '--stage', 'judge', '--config', join(dir, 'off.json')]);
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('off.json: cache.enabled: false');
    const nothing = await runCliInProcess(['batch', 'import', '--config', join(dir, 'config.json'), '--output', join(dir, 'out'), '--in', join(dir, 'results.jsonl')]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('no batch export waits for answers in');
  });
});
