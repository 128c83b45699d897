// Search-round benchmark: node bin/run-script.js bench/evolve.ts [--rounds 3] [--parents 100] [--seed 0] [--predictor]
// Runs `scarecrow run`'s in-process pipeline on the bundled seeds against the simulator with search
// rounds, and prints, for the one-shot pipeline (round 0) and after each round, the hard prompts per
// 1,000 model calls, drift (children judged harmful), duplicate share, Self-BLEU of the hard set and
// model calls per hard prompt. A run of k rounds makes exactly the first k rounds of a longer one (no
// round looks ahead), so one run of the longest gives every row; the one-shot row is round 0 of the
// same run, which is what `evolve.rounds: 0` makes. The figures are the simulator's: they show the
// machinery, not what search gains against a real model.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runInProcess } from '../in-process/run-in-process.ts';
import type { EvolveSummary } from '../pipeline/evolution/round-stats.ts';
import { selfBleu } from '../pipeline/diversity/self-bleu.ts';
import { promptTokens } from '../pipeline/diversity/tokens.ts';
import { defaultConfig } from '../pipeline/input/load-config.ts';
import { lineageOf, type DatasetRecord } from '../pipeline/schemas/candidate.ts';
import { Config } from '../pipeline/schemas/config.ts';
import { predictorBench } from './support/predictor-bench.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    parents: { type: 'string', default: '100' },
    seed: { type: 'string', default: '0' },
    predictor: { type: 'boolean', default: false },
    budgets: { type: 'string', default: '40,80,120,160' },
    targets: { type: 'string', default: 'sim-target-strict,sim-target,sim-target-lenient' },
  },
});
const rounds = Number(values.rounds);
if (values.predictor) {
  // --predictor [--budgets 40,80,120,160] [--targets a,b,c]: the refusal predictor's comparison instead (bench/support/predictor-bench.ts).
  await predictorBench({ rounds, parents: Number(values.parents), seed: Number(values.seed), budgets: values.budgets.split(',').map(Number), targets: values.targets.split(',') });
  process.exit(0);
}

const base = defaultConfig();
const config = Config.parse({ simulator: { seed: Number(values.seed) }, evolve: { rounds, parentsPerRound: Number(values.parents) } });
const outputDir = await mkdtemp(join(tmpdir(), 'scarecrow-bench-evolve-'));
const started = Date.now();
const { outcome, exported } = await runInProcess({ loaded: { ...base, config }, outputDir });
const seconds = (Date.now() - started) / 1000;
await rm(outputDir, { recursive: true, force: true });

const summary = exported.manifest.extra.evolve as EvolveSummary;
const usageCalls = Object.values(exported.manifest.usage).reduce((sum, role) => sum + role.calls, 0);
const recordedCalls = summary.first_round.calls.total + summary.rounds.reduce((sum, round) => sum + round.calls.total, 0);
const hardUpTo = (round: number) => outcome.records.filter((record: DatasetRecord) => record.hard && record.label !== 'harmful' && lineageOf(record).round <= round);
const selfBleuOf = (records: readonly DatasetRecord[]) => selfBleu(records.map((record) => promptTokens(record.prompt)), { maxHypotheses: 1000 }).value;

interface Row { label: string; hard: number; calls: number; targetCalls: number; candidates: number; harmful: string; duplicates: string; selfBleu: number }
const percentOf = (part: number, whole: number) => `${part}/${whole} (${((100 * part) / Math.max(1, whole)).toFixed(1)}%)`;
const first = summary.first_round;
const rows: Row[] = [{ label: 'one-shot', hard: first.hard, calls: first.calls.total, targetCalls: first.calls.targets, candidates: exported.manifest.counts.generated - summary.rounds.reduce((sum, round) => sum + round.children, 0), harmful: '', duplicates: '', selfBleu: selfBleuOf(hardUpTo(0)) }];
for (const round of summary.rounds) {
  const previous = rows.at(-1)!;
  rows.push({
    label: `${round.round} round${round.round > 1 ? 's' : ''}`,
    hard: hardUpTo(round.round).length,
    calls: previous.calls + round.calls.total,
    targetCalls: previous.targetCalls + round.calls.targets,
    candidates: previous.candidates + round.children,
    harmful: percentOf(round.harmful, round.children),
    duplicates: percentOf(round.duplicates, round.children),
    selfBleu: selfBleuOf(hardUpTo(round.round)),
  });
}

console.log(`320 bundled seeds, simulator seed ${values.seed}, ${values.parents} parents per round, ${config.evolve.childrenPerParent} children each; ${seconds.toFixed(0)} s; model calls in the manifest's usage ${usageCalls.toLocaleString('en')}, counted from the records ${recordedCalls.toLocaleString('en')}`);
console.log('| run | hard | model calls | hard per 1,000 calls | vs one-shot | harmful children (that round) | duplicate children (that round) | Self-BLEU of the hard set | calls per hard | target calls per hard | candidates per hard |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const yieldOf = (row: Row) => (1000 * row.hard) / row.calls;
for (const row of rows) {
  console.log(`| ${row.label} | ${row.hard} | ${row.calls.toLocaleString('en')} | ${yieldOf(row).toFixed(2)} | ${(yieldOf(row) / yieldOf(rows[0]!)).toFixed(2)}x | ${row.harmful} | ${row.duplicates} | ${row.selfBleu.toFixed(3)} | ${(row.calls / row.hard).toFixed(0)} | ${(row.targetCalls / row.hard).toFixed(0)} | ${(row.candidates / row.hard).toFixed(1)} |`);
}
console.log('\n| operator | children | hard | harmful | duplicates | yield |\n|---|---:|---:|---:|---:|---:|');
for (const entry of summary.operators) console.log(`| ${entry.operator} | ${entry.pulls} | ${entry.hard} | ${entry.harmful} | ${entry.duplicates} | ${(100 * entry.yield).toFixed(1)}% |`);
