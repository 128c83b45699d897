// Search-round benchmark: node bin/run-script.js bench/evolve.ts [--rounds 3] [--parents 100] [--seed 0]
// Runs the bundled seeds through the simulator once (the one-shot pipeline), then search rounds on
// its results, and prints after each round the hard prompts per 1,000 model calls, drift (children
// judged harmful), duplicate share, Self-BLEU of the hard set and model calls per hard prompt.
// A run of k rounds makes exactly the first k rounds of a longer one (no round looks ahead), so one
// run of the longest gives every column. The figures are the simulator's: they show the machinery,
// not what search gains against a real model.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runInProcess } from '../in-process/run-in-process.ts';
import { startEvolveState } from '../pipeline/evolution/evolve-state.ts';
import { runRound, type MapItems, type RoundsRun } from '../pipeline/evolution/run-rounds.ts';
import { selfBleu } from '../pipeline/diversity/self-bleu.ts';
import { promptTokens } from '../pipeline/diversity/tokens.ts';
import { defaultConfig } from '../pipeline/input/load-config.ts';
import { createModels } from '../pipeline/models/create-models.ts';
import { UsageMeter, type RoleUsage } from '../pipeline/models/usage-meter.ts';
import { Config } from '../pipeline/schemas/config.ts';
import type { DatasetRecord } from '../pipeline/schemas/candidate.ts';
import { startSimulator } from '../simulator/start-simulator.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, parents: { type: 'string', default: '100' }, seed: { type: 'string', default: '0' } } });
const rounds = Number(values.rounds);

const calls = (usage: Record<string, RoleUsage>, prefix?: string) => Object.entries(usage).filter(([role]) => !prefix || role.startsWith(prefix)).reduce((sum, [, role]) => sum + role.calls, 0);
const hardSet = (records: readonly DatasetRecord[]) => records.filter((record) => record.hard && record.label !== 'harmful');
const selfBleuOf = (records: readonly DatasetRecord[]) => selfBleu(records.map((record) => promptTokens(record.prompt)), { maxHypotheses: 1000 }).value;

const base = defaultConfig();
const config = Config.parse({ simulator: { seed: Number(values.seed) }, evolve: { rounds, parentsPerRound: Number(values.parents) } });
const outputDir = await mkdtemp(join(tmpdir(), 'scarecrow-bench-evolve-'));
const started = Date.now();
const oneShot = await runInProcess({ loaded: { ...base, config }, outputDir });
const firstUsage = oneShot.exported.manifest.usage;

const simulator = await startSimulator({ port: 0, ...config.simulator });
const meter = new UsageMeter();
const context = { config, models: createModels({ config, simulatorUrl: simulator.url, meter }) };
const settled: MapItems = async ({ items, work }) =>
  Promise.all(items.map(async (item) => {
    try {
      return { item, ok: true as const, value: await work(item) };
    } catch (error) {
      return { item, ok: false as const, error };
    }
  }));
const run: RoundsRun = { records: [...oneShot.outcome.records], duplicates: [...oneShot.outcome.duplicates], failures: [...oneShot.outcome.failures], evolve: startEvolveState() };

interface Row { label: string; hard: number; calls: number; targetCalls: number; candidates: number; harmful: string; duplicates: string; selfBleu: number }
const firstHard = hardSet(run.records);
const rows: Row[] = [{ label: 'one-shot', hard: firstHard.length, calls: calls(firstUsage), targetCalls: calls(firstUsage, 'target'), candidates: oneShot.exported.manifest.counts.generated, harmful: '', duplicates: '', selfBleu: selfBleuOf(firstHard) }];
let candidates = rows[0].candidates;
for (let round = 1; round <= rounds; round += 1) {
  await runRound(run, { context, mapItems: settled });
  const stats = run.evolve.rounds.at(-1)!;
  candidates += stats.children;
  const usage = meter.snapshot();
  const hard = hardSet(run.records);
  rows.push({
    label: `${round} round${round > 1 ? 's' : ''}`,
    hard: hard.length,
    calls: rows[0].calls + calls(usage),
    targetCalls: rows[0].targetCalls + calls(usage, 'target'),
    candidates,
    harmful: `${stats.harmful}/${stats.children} (${((100 * stats.harmful) / Math.max(1, stats.children)).toFixed(1)}%)`,
    duplicates: `${stats.duplicates}/${stats.children} (${((100 * stats.duplicates) / Math.max(1, stats.children)).toFixed(1)}%)`,
    selfBleu: selfBleuOf(hard),
  });
}
await simulator.close();
await rm(outputDir, { recursive: true, force: true });

console.log(`320 bundled seeds, simulator seed ${values.seed}, ${values.parents} parents per round, ${config.evolve.childrenPerParent} children each; ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log('| run | hard | model calls | hard per 1,000 calls | vs one-shot | this round: harmful children | this round: duplicates | Self-BLEU of hard set | calls per hard | target calls per hard | candidates per hard |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const yieldOf = (row: Row) => (1000 * row.hard) / row.calls;
for (const row of rows) {
  console.log(`| ${row.label} | ${row.hard} | ${row.calls.toLocaleString('en')} | ${yieldOf(row).toFixed(2)} | ${(yieldOf(row) / yieldOf(rows[0])).toFixed(2)}x | ${row.harmful} | ${row.duplicates} | ${row.selfBleu.toFixed(3)} | ${(row.calls / row.hard).toFixed(0)} | ${(row.targetCalls / row.hard).toFixed(0)} | ${(row.candidates / row.hard).toFixed(1)} |`);
}
console.log('\nPer operator (all rounds): children, hard, harmful, duplicates');
for (const round of run.evolve.rounds) console.log(`round ${round.round}: ${JSON.stringify(round.operators)}`);
