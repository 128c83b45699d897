import { z } from 'zod';
import { DatasetRecord } from '../schemas/candidate.ts';
import { OperatorName, type EvolveConfig } from '../schemas/evolve.ts';
import { operatorStats, Ucb1, type ChildFate } from './bandit.ts';
import { OPERATORS } from './operators.ts';
import { eligibleParents, selectParents } from './select-parents.ts';

/** One generator call of a round: `count` children of one parent by one operator (and, for crossover, a second parent of its seed). */
export const MutationTask = z.object({
  round: z.number().int().min(1),
  operator: OperatorName,
  parent: DatasetRecord,
  partner: DatasetRecord.nullable(),
  count: z.number().int().min(1),
});
export type MutationTask = z.infer<typeof MutationTask>;

export function taskId(task: MutationTask): string {
  return `${task.round}/${task.parent.id}/${task.operator}`;
}

export interface RoundPlan {
  parents: DatasetRecord[];
  tasks: MutationTask[];
}

/**
 * Picks the round's parents and gives each child slot an operator from the bandit, whose
 * statistics are the fates of every earlier child. Slots of one parent that got the same
 * operator become one call. Pure: the same records and fates give the same plan.
 */
export function planRound(options: { round: number; records: readonly DatasetRecord[]; usedParents: ReadonlySet<string>; fates: readonly { operator: OperatorName; fate: ChildFate }[]; evolve: EvolveConfig }): RoundPlan {
  const { round, evolve } = options;
  const eligible = eligibleParents(options.records, options.usedParents);
  const parents = selectParents({ eligible, count: evolve.parentsPerRound, perSeed: evolve.maxParentsPerSeed });
  const operators = [...new Set(evolve.operators)];
  const bandit = new Ucb1(operatorStats(operators, options.fates));
  const tasks: MutationTask[] = [];
  for (const parent of parents) {
    // The best other eligible prompt of the same seed, for crossover.
    const partner = eligible.find((record) => record.seed.id === parent.seed.id && record.id !== parent.id) ?? null;
    const counts = new Map<OperatorName, number>();
    for (let slot = 0; slot < evolve.childrenPerParent; slot += 1) {
      const operator = bandit.pick((name) => partner !== null || !OPERATORS[name].crossover);
      if (operator) counts.set(operator, (counts.get(operator) ?? 0) + 1);
    }
    for (const operator of operators) {
      const count = counts.get(operator);
      if (count) tasks.push({ round, operator, parent, partner: OPERATORS[operator].crossover ? partner : null, count });
    }
  }
  return { parents, tasks };
}
