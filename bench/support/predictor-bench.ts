// The refusal predictor's part of bench:evolve (--predictor): the same 3-round search with and without
// the predictor ordering each round's children, at several per-round probe budgets, and the probe calls
// each needs for the hard prompts it finds. Every run shares one response cache, so a child two runs
// both probe is paid once: the figures are counted from the records, not from paid calls. Simulator
// figures: they show that the machinery works, not what a predictor saves against a real model.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from '../../in-process/run-in-process.ts';
import type { PredictorSummary } from '../../pipeline/evolution/predictor-summary.ts';
import type { EvolveSummary } from '../../pipeline/evolution/round-stats.ts';
import { defaultConfig } from '../../pipeline/input/load-config.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import type { DatasetRecord } from '../../pipeline/schemas/candidate.ts';
import { isHeldOut } from '../../pipeline/prediction/held-out-split.ts';
import { rankAuc } from '../../pipeline/prediction/held-out-figures.ts';
import { refusedProbability } from '../../pipeline/prediction/logistic-regression.ts';
import { refusalProbability } from '../../simulator/target/target.ts';

export interface SearchPoint {
  budget: number | null;
  predictor: boolean;
  /** Children the rounds sent to the targets. */
  probedChildren: number;
  /** Target calls of the rounds: screen samples and full probes. */
  probeCalls: number;
  hard: number;
  summary: EvolveSummary;
  records: DatasetRecord[];
}

/** Probe calls a search needs for `hard` hard prompts, read off its (calls, hard) points by linear interpolation from (0, 0); null beyond its last point. */
export function callsToReach(points: readonly { probeCalls: number; hard: number }[], hard: number): number | null {
  const curve = [{ probeCalls: 0, hard: 0 }, ...[...points].sort((a, b) => a.probeCalls - b.probeCalls)];
  for (let index = 1; index < curve.length; index += 1) {
    const [low, high] = [curve[index - 1]!, curve[index]!];
    if (high.hard >= hard) return high.hard === low.hard ? high.probeCalls : low.probeCalls + ((hard - low.hard) / (high.hard - low.hard)) * (high.probeCalls - low.probeCalls);
  }
  return null;
}

export async function predictorBench(options: { rounds: number; parents: number; seed: number; budgets: number[]; targets: string[] }): Promise<void> {
  const base = defaultConfig();
  const cacheDir = await mkdtemp(join(tmpdir(), 'scarecrow-bench-predictor-cache-'));
  const started = Date.now();
  const search = async (budget: number | null, predictor: boolean): Promise<SearchPoint> => {
    const config = Config.parse({ simulator: { seed: options.seed }, targets: options.targets.map((model) => ({ model })), cache: { dir: cacheDir }, evolve: { rounds: options.rounds, parentsPerRound: options.parents, predictor, probesPerRound: budget } });
    const outputDir = await mkdtemp(join(tmpdir(), 'scarecrow-bench-predictor-'));
    try {
      const { exported, outcome } = await runInProcess({ loaded: { ...base, config }, outputDir });
      const summary = exported.manifest.extra.evolve as EvolveSummary;
      const sum = (pick: (round: EvolveSummary['rounds'][number]) => number) => summary.rounds.reduce((total, round) => total + pick(round), 0);
      return { budget, predictor, probedChildren: sum((round) => round.screened), probeCalls: sum((round) => round.calls.targets), hard: sum((round) => round.hard), summary, records: outcome.records };
    } finally {
      await rm(outputDir, { recursive: true, force: true });
    }
  };
  const full = await search(null, true);
  const points: SearchPoint[] = [];
  for (const budget of options.budgets) for (const predictor of [false, true]) points.push(await search(budget, predictor));
  await rm(cacheDir, { recursive: true, force: true });
  const seconds = (Date.now() - started) / 1000;

  console.log(`320 bundled seeds, targets ${options.targets.join(', ')}, simulator seed ${options.seed}, ${options.rounds} rounds of ${options.parents} parents; ${points.length + 1} runs in ${seconds.toFixed(0)} s. Probe calls: the rounds' target calls (screen and full probe); hard: the rounds' hard children. Simulator figures.`);
  console.log('\n| probes per round | order | children probed | probe calls | hard | hard per 1,000 probe calls |\n|---:|---|---:|---:|---:|---:|');
  for (const point of [...points, full]) {
    console.log(`| ${point.budget ?? 'all'} | ${point.budget === null ? 'any (all probed)' : point.predictor ? 'predictor' : "round's order"} | ${point.probedChildren} | ${point.probeCalls.toLocaleString('en')} | ${point.hard} | ${((1000 * point.hard) / Math.max(1, point.probeCalls)).toFixed(1)} |`);
  }
  const curve = (predictor: boolean) => [...points.filter((point) => point.predictor === predictor), full];
  console.log("\n| hard reached in the round's order | its probe calls | predictor's probe calls for as many hard | saved |\n|---:|---:|---:|---:|");
  for (const point of curve(false)) {
    const needed = callsToReach(curve(true), point.hard);
    const saved = needed === null ? 'n/a' : `${Math.round(point.probeCalls - needed).toLocaleString('en')} (${((100 * (point.probeCalls - needed)) / point.probeCalls).toFixed(0)}%)`;
    console.log(`| ${point.hard} | ${point.probeCalls.toLocaleString('en')} | ${needed === null ? 'n/a' : Math.round(needed).toLocaleString('en')} | ${saved} |`);
  }
  const predictor = full.summary.predictor as PredictorSummary;
  console.log("\nHeld-out accuracy, fitted on the whole run with every child probed (1 seed in 5 held out), next to the simulator's own refusal probability scored the same way (the best a prompt-only predictor could do):\n| target | trained on | held out | refused (held out) | accuracy | majority baseline | AUC | simulator's probability: accuracy | its AUC |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const target of predictor.final.targets) {
    const ceiling = oracle({ records: full.records, model: target.model, simulatorSeed: options.seed });
    console.log(`| ${target.model} | ${target.train} | ${target.test} | ${pct(target.refused)} | ${pct(target.accuracy)} | ${pct(target.baseline)} | ${target.auc?.toFixed(3) ?? 'n/a'} | ${pct(ceiling.accuracy)} | ${ceiling.auc?.toFixed(3) ?? 'n/a'} |`);
  }
  console.log('\nPer round (every child probed): the predictor that ordered it, on held-out seeds and on the round\'s own children:\n| round | target | fitted on | held-out accuracy | baseline | AUC | children accuracy | children AUC |\n|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const round of predictor.rounds) for (const target of round.targets) console.log(`| ${round.round} | ${target.model} | ${round.trained_on} | ${pct(target.held_out.accuracy)} | ${pct(target.held_out.baseline)} | ${target.held_out.auc?.toFixed(3) ?? 'n/a'} | ${pct(target.children.accuracy)} | ${target.children.auc?.toFixed(3) ?? 'n/a'} |`);
}

/**
 * The best a prompt-only predictor could do on these labels: the simulator's own refusal
 * probability of each held-out prompt (what its targets draw each answer from), scored as the
 * predictor is. Only the bench may look: the predictor never sees the simulator.
 */
function oracle(options: { records: readonly DatasetRecord[]; model: string; simulatorSeed: number }): { accuracy: number; auc: number | null } {
  const rows = options.records.flatMap((record) => {
    const probe = record.probes.find((result) => result.model === options.model);
    return probe && isHeldOut(record.seed.id) ? [{ probe, perSample: refusalProbability({ prompt: record.prompt, model: options.model, simulatorSeed: options.simulatorSeed }) }] : [];
  });
  const refused = rows.map((row) => row.probe.refusal_rate >= 0.5);
  const right = rows.filter((row, index) => refusedProbability({ perSample: row.perSample, samples: row.probe.samples, threshold: 0.5 }) >= 0.5 === refused[index]).length;
  return { accuracy: right / Math.max(1, rows.length), auc: rankAuc(rows.map((row) => row.perSample), refused) };
}

const pct = (share: number | null) => (share === null ? 'n/a' : `${(100 * share).toFixed(1)}%`);
