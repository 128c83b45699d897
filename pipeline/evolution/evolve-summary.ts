import { lineageOf, type DatasetRecord } from '../schemas/candidate.ts';
import type { EvolveConfig } from '../schemas/evolve.ts';
import { operatorStats } from './bandit.ts';
import type { EvolveState } from './evolve-state.ts';
import { operatorVersions } from './operators.ts';
import { MUTATE_TEMPLATE_VERSION } from './mutate-prompt.ts';
import { recordCalls, type EvolveSummary } from './round-stats.ts';

/**
 * The manifest's `extra.evolve`: the first round in the same terms as the search rounds, every
 * round's funnel, and per operator what its children became. `seedsGenerated` is the number of
 * first-round generator calls that answered.
 */
export function summariseEvolve(options: { evolve: EvolveState; config: EvolveConfig; records: readonly DatasetRecord[]; seedsGenerated: number }): EvolveSummary & { template: string; operator_versions: Record<string, string> } {
  const firstRound = options.records.filter((record) => lineageOf(record).round === 0);
  const calls = recordCalls(firstRound);
  const generator = options.seedsGenerated;
  const operators = [...new Set(options.config.operators)];
  return {
    template: MUTATE_TEMPLATE_VERSION,
    operator_versions: Object.fromEntries(Object.entries(operatorVersions()).filter(([name]) => operators.includes(name as never))),
    first_round: { candidates: firstRound.length, hard: firstRound.filter((record) => record.hard).length, calls: { generator, ...calls, total: generator + calls.judges + calls.targets + calls.refusal_judge } },
    rounds: options.evolve.rounds,
    operators: operatorStats(operators, options.evolve.fates).map((entry) => ({
      ...entry,
      reward: round(entry.reward),
      mean_reward: entry.pulls > 0 ? round(entry.reward / entry.pulls) : 0,
      yield: entry.pulls > 0 ? round(entry.hard / entry.pulls) : 0,
    })),
  };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
