import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { startScriptedEndpoint, UNREADABLE_REFUSAL } from './scripted-endpoint.ts';

const temp = useTempDir();
const SEEDS = { paths: [join(PROJECT_ROOT, 'seeds')], limit: 1, categories: ['privacy', 'violence'] };

async function runWith(extra: Record<string, unknown>) {
  const endpoint = await startScriptedEndpoint({ targetText: UNREADABLE_REFUSAL, refusalVerdict: 'full_refusal' });
  onTestFinished(() => endpoint.close());
  const config = {
    name: 'cascade',
    seeds: SEEDS,
    judges: [{ model: 'scripted-judge', baseURL: endpoint.url }],
    targets: [{ model: 'scripted-target', baseURL: endpoint.url }],
    probe: { samples: 2 },
    ...extra,
  };
  const dir = await temp.make({ 'config.json': JSON.stringify(config) });
  const result = await runCliInProcess(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')]);
  expect(result.code, result.stderr).toBe(0);
  const dataset = join(dir, 'out', 'cascade');
  const rows = (await readFile(join(dataset, 'data', 'all.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  return {
    endpoint,
    rows,
    manifest: JSON.parse(await readFile(join(dataset, 'manifest.json'), 'utf8')),
    prompts: await readFile(join(dataset, 'prompts.md'), 'utf8'),
  };
}

describe('the refusal cascade of a config that names judges but no refusalJudge', () => {
  it('sends unsure responses to the first judge with the refusal-judge prompt, and records it', async () => {
    const { endpoint, rows, manifest, prompts } = await runWith({});
    expect(rows.length).toBeGreaterThan(0);
    // Spanish: the classifier cannot read it, so every sample goes to the judge, whose verdict is the label.
    for (const row of rows) expect(row.probes[0]).toMatchObject({ samples: 2, refusals: 2, decided_by: { classifier: 0, judge: 2 } });
    const verdicts = endpoint.refusalVerdicts();
    // One verdict asked per row's prompt and answer (two samples with the same answer may share a call).
    expect(new Set(verdicts.map((body) => body.messages.at(-1)!.content)).size).toBe(rows.length);
    expect(verdicts.every((body) => body.model === 'scripted-judge')).toBe(true);
    expect(verdicts[0].messages.at(-1)!.content).toContain(`<response>${UNREADABLE_REFUSAL}</response>`);
    expect(manifest.config.refusalJudge).toMatchObject({ model: 'scripted-judge' });
    expect(prompts).toContain('`scripted-judge` (the first judge, by default)');
    // Targets are asked for the probe's token cap.
    const targetCalls = endpoint.requests.filter((body) => body.response_format === undefined);
    expect(targetCalls.length).toBe(rows.length * 2);
    expect(targetCalls.every((body) => body.max_tokens === 256)).toBe(true);
  }, 120_000);

  it('is off with refusalJudge: null, and the classifier decides alone', async () => {
    const { endpoint, rows, manifest } = await runWith({ refusalJudge: null, probe: { samples: 2, maxTokens: null } });
    expect(endpoint.refusalVerdicts()).toHaveLength(0);
    for (const row of rows) expect(row.probes[0].decided_by).toEqual({ classifier: 2, judge: 0 });
    expect(manifest.config.refusalJudge).toBeNull();
    expect(endpoint.requests.filter((body) => body.response_format === undefined).every((body) => body.max_tokens === undefined)).toBe(true);
  }, 120_000);
});
