import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerEvalCommand } from '../../cli/commands/eval.ts';
import { evaluateDataset } from '../../cli/commands/evaluate-dataset.ts';
import { EvaluationFile } from '../../pipeline/evaluation/evaluation-result.ts';
import { parseTargets } from '../../pipeline/evaluation/parse-targets.ts';
import { runEvaluation } from '../../pipeline/evaluation/run-evaluation.ts';
import { makeDataset } from '../harness-export/make-dataset.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { startFakeChatEndpoint, type Behaviour } from './fake-chat-endpoint.ts';

const temp = useTempDir();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** strict refuses anything about killing, stalkers or hurting (a1, a3, t1) and says it can't answer about the deadliest snake (a2); lenient answers all. */
const policy = ({ model, prompt }: { model: string; prompt: string }): Behaviour => {
  if (model !== 'strict') return 'answer';
  if (/deadliest/.test(prompt)) return 'cant';
  return /kill|stalkers|hurt/.test(prompt) ? 'refuse' : 'answer';
};

async function endpoint(rule: Parameters<typeof startFakeChatEndpoint>[0] = policy) {
  const server = await startFakeChatEndpoint(rule);
  closers.push(server.close);
  return server;
}

const readEval = async (dir: string) => EvaluationFile.parse(JSON.parse(await readFile(join(dir, 'eval.json'), 'utf8')));
const checkpointLines = async (dir: string) => (await readFile(join(dir, 'eval-checkpoint.jsonl'), 'utf8')).trim().split('\n').filter(Boolean).length;

describe('eval', () => {
  it('reports over-refusal (benign, controversial, hard) and safety per model and category with Wilson intervals', async () => {
    const server = await endpoint();
    const dir = await makeDataset({ outputDir: await temp.make() });
    const targets = parseTargets({ specs: [`strict=${server.url}`, `lenient=${server.url}`] });
    const result = await evaluateDataset({ dataset: dir, targets, samples: 2 });

    expect(result).toMatchObject({ ran: 20, reused: 0, failed: 0 });
    const evaluation = await readEval(dir);
    const strict = evaluation.models.find((model) => model.model === 'strict')!;
    expect(strict.overall.benign).toMatchObject({ refused: 1, n: 3, rate: 0.3333, low: 0.0615, high: 0.7923, sample_rate: 0.3333 });
    expect(strict.overall.controversial).toMatchObject({ refused: 1, n: 1, rate: 1 });
    expect(strict.overall.hard).toMatchObject({ refused: 2, n: 2, rate: 1 });
    expect(strict.overall.toxic).toMatchObject({ refused: 1, n: 1, rate: 1 });
    expect(strict.by_category.privacy!.benign).toMatchObject({ refused: 0, n: 1, rate: 0 });
    expect(strict.by_category.violence!.benign).toMatchObject({ refused: 1, n: 2, rate: 0.5 });
    const lenient = evaluation.models.find((model) => model.model === 'lenient')!;
    expect(lenient.overall.toxic).toMatchObject({ refused: 0, n: 1, rate: 0, low: 0 });
    expect(lenient).toMatchObject({ endpoint: server.url, simulated: false, finished_samples: 10, failed_samples: 0 });

    // Over-refusal counts a2's "can't" apart; safety counts every refusal.
    expect(strict.overall.benign).toMatchObject({ wont: 1, cant: 1, any: { rate: 0.6667 } });
    expect(strict.overall.toxic).toMatchObject({ refused: 1, wont: 1, cant: 0 });
    expect(strict.refusal_mix!.overall.all).toEqual({ refusals: 6, styles: expect.objectContaining({ apology: 4, direct_refusal: 2, deflection: 0 }), reasons: { wont: 4, cant: 2 }, bases: { capability: 2 } });
    expect(strict.refusal_mix!.by_category.privacy!.all).toMatchObject({ refusals: 2, reasons: { wont: 2, cant: 0 } });
    // The violence seed's rewrites (a1, a2) are both refused; the privacy seed's flip (a3 refused, a4 answered).
    expect(strict.consistency).toMatchObject({ seeds: 2, consistent: 1, rate: 0.5, flips: [{ seed_id: 'privacy-001', rewrites: 2, refused: 1, refused_ids: ['a3'], answered_ids: ['a4'] }] });
    expect(lenient.consistency).toMatchObject({ seeds: 2, consistent: 2, flips: [] });
    // A refusal keeps its words in the checkpoint, for its style and reason; an answer does not.
    const saved = (await readFile(join(dir, 'eval-checkpoint.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(saved.every((entry) => (entry.response !== undefined) === entry.refusal)).toBe(true);

    const card = await readFile(join(dir, 'README.md'), 'utf8');
    expect(card).toMatch(/## Evaluation[\s\S]*\| `strict` \| 33\.3% \[6\.2%, 79\.2%\] \(n=3\)/);
    expect(card.indexOf('## Evaluation')).toBeLessThan(card.indexOf('## Limitations'));
    expect(card).toMatch(/### How the models refuse[\s\S]*\| `strict` \| 6 \| 33\.3% \| 66\.7% \|[\s\S]*\| 66\.7% \| 33\.3% \|/);
    expect(card).toMatch(/\| `strict` \| 2 \| 50\.0% \[[^\]]+\] \| `privacy-001` \(1\/2 refused\) \|/);
    const report = await readFile(join(dir, 'report.html'), 'utf8');
    expect(report).toContain('id="eval-scatter"');
    expect(report).toMatch(/id="eval-refusal-styles"[\s\S]*id="eval-consistency"[\s\S]*privacy-001/);
  });

  it('reuses finished answers on a rerun and finishes an interrupted run where it stopped', async () => {
    const controller = new AbortController();
    const server = await endpoint(({ model, prompt, count }) => {
      if (count === 6) controller.abort(new DOMException('interrupted', 'AbortError'));
      return policy({ model, prompt });
    });
    const dir = await makeDataset({ outputDir: await temp.make() });
    const targets = parseTargets({ specs: [`strict=${server.url}`], maxConcurrency: 2 });
    await expect(runEvaluation({ dataset: dir, targets, samples: 3, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const saved = await checkpointLines(dir);
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(15);

    const before = server.requests();
    const resumed = await runEvaluation({ dataset: dir, targets, samples: 3 });
    expect(resumed.reused).toBe(saved);
    expect(server.requests() - before).toBe(15 - saved);
    expect((await readEval(dir)).models[0]!.finished_samples).toBe(15);

    const again = await runEvaluation({ dataset: dir, targets, samples: 3 });
    expect(again).toMatchObject({ ran: 0, reused: 15 });
    expect(server.requests() - before).toBe(15 - saved);

    // Refusals written before they kept their words are asked again, so their style and reason can be read.
    const file = join(dir, 'eval-checkpoint.jsonl');
    const entries = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    await writeFile(file, entries.map(({ response: _, ...entry }) => JSON.stringify(entry)).join('\n') + '\n');
    const refusals = entries.filter((entry) => entry.refusal).length;
    expect(await runEvaluation({ dataset: dir, targets, samples: 3 })).toMatchObject({ ran: refusals, reused: 15 - refusals });
  });

  it('counts failed answers, still writes eval.json, and a rerun retries only those', async () => {
    let broken = true;
    const server = await endpoint(({ model, prompt }) => (broken && prompt.includes('credit report') ? { status: 400 } : policy({ model, prompt })));
    const dir = await makeDataset({ outputDir: await temp.make() });
    const targets = parseTargets({ specs: [`strict=${server.url}`] });
    const first = await runEvaluation({ dataset: dir, targets, samples: 1 });
    expect(first).toMatchObject({ ran: 4, failed: 1 });
    expect((await readEval(dir)).models[0]).toMatchObject({ finished_samples: 4, failed_samples: 1 });
    broken = false;
    const before = server.requests();
    const second = await runEvaluation({ dataset: dir, targets, samples: 1 });
    expect(second).toMatchObject({ ran: 1, failed: 0, reused: 4 });
    expect(server.requests() - before).toBe(1);
  });

  it('runs simulator targets, marks them simulated, and keeps earlier models in eval.json', async () => {
    const server = await endpoint();
    const dir = await makeDataset({ outputDir: await temp.make() });
    await evaluateDataset({ dataset: dir, targets: parseTargets({ specs: [`strict=${server.url}`] }), samples: 1 });
    const result = await evaluateDataset({ dataset: dir, targets: parseTargets({ specs: ['sim-target'] }), samples: 1 });
    expect(result.simulated).toBe(true);
    const evaluation = await readEval(dir);
    expect(evaluation.models.map((model) => [model.model, model.endpoint, model.simulated])).toEqual([
      ['sim-target', 'simulator', true],
      ['strict', server.url, false],
    ]);
    expect(evaluation.models[0]!.finished_samples).toBe(5);
  });

  it('names a role with no baseURL when no simulator is there to answer it, and calls no model', async () => {
    const server = await endpoint();
    const dir = await makeDataset({ outputDir: await temp.make() });
    const targets = parseTargets({ specs: [`strict=${server.url}`, 'sim-target'] });
    await expect(runEvaluation({ dataset: dir, targets, samples: 1, simulatorUrl: null })).rejects.toMatchObject({ name: 'UserError', message: 'target sim-target has no baseURL and no simulator was started to answer it' });
    expect(server.requests()).toBe(0);
  });
});

describe('eval command errors', () => {
  const run = async (args: string[]) => {
    const program = new Command().exitOverride();
    registerEvalCommand(program);
    return program.parseAsync(['node', 'scarecrow', 'eval', ...args]);
  };

  it('asks for a target, rejects a bad endpoint URL, duplicate targets and bad sample counts', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    await expect(run(['--dataset', dir])).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/no target to evaluate/) });
    await expect(run(['--dataset', dir, '--target', 'gpt=not a url'])).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/--target gpt=not a url: baseURL/) });
    await expect(run(['--dataset', dir, '--target', 'a', '--target', 'a'])).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/given twice/) });
    await expect(run(['--dataset', dir, '--target', 'sim-target', '--samples', '0'])).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/--samples/) });
  });

  it('rejects a missing dataset folder', async () => {
    await expect(runEvaluation({ dataset: join(await temp.make(), 'gone'), targets: parseTargets({ specs: ['sim-target'] }), samples: 1 })).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/no such dataset folder/) });
  });
});
