import type { OperatorName } from '../schemas/evolve.ts';

/** What became of one child: the bandit's reward signal. */
export type ChildFate = 'hard' | 'kept' | 'harmful' | 'duplicate' | 'failed';

/**
 * Reward of a fate, in [0, 1] as UCB1 assumes. A hard child is the point; a kept one may still
 * parent a hard one next round; a harmful or duplicate child (or a failed call) earns nothing,
 * which is the penalty: the operator's mean falls with every such pull.
 */
export const FATE_REWARD: Readonly<Record<ChildFate, number>> = { hard: 1, kept: 0.2, harmful: 0, duplicate: 0, failed: 0 };

export interface OperatorStats {
  operator: OperatorName;
  pulls: number;
  reward: number;
  hard: number;
  harmful: number;
  duplicates: number;
}

/** Statistics of every configured operator from the fates of all children so far, in configured order. */
export function operatorStats(operators: readonly OperatorName[], fates: readonly { operator: OperatorName; fate: ChildFate }[]): OperatorStats[] {
  const stats = new Map(operators.map((operator) => [operator, { operator, pulls: 0, reward: 0, hard: 0, harmful: 0, duplicates: 0 }]));
  for (const { operator, fate } of fates) {
    const entry = stats.get(operator);
    if (!entry) continue; // an operator taken out of the config since
    entry.pulls += 1;
    entry.reward += FATE_REWARD[fate];
    if (fate === 'hard') entry.hard += 1;
    if (fate === 'harmful') entry.harmful += 1;
    if (fate === 'duplicate') entry.duplicates += 1;
  }
  return [...stats.values()];
}

/**
 * UCB1 over operators, for a batch of pulls made before any of their rewards is known: each
 * pick counts as a pull with no reward yet, so one round spreads over operators instead of
 * giving every child to the current leader. Ties go to the operator listed first, so the same
 * statistics always give the same choices. `allowed` leaves out operators a parent cannot use
 * (crossover without a second parent of its seed).
 */
export class Ucb1 {
  private readonly pulls = new Map<OperatorName, number>();
  private readonly rewards = new Map<OperatorName, number>();
  private total = 0;

  constructor(private readonly stats: readonly OperatorStats[]) {
    for (const entry of stats) {
      this.pulls.set(entry.operator, entry.pulls);
      this.rewards.set(entry.operator, entry.reward);
      this.total += entry.pulls;
    }
  }

  score(operator: OperatorName): number {
    const pulls = this.pulls.get(operator) ?? 0;
    if (pulls === 0) return Number.POSITIVE_INFINITY;
    const mean = (this.rewards.get(operator) ?? 0) / pulls;
    return mean + Math.sqrt((2 * Math.log(Math.max(1, this.total))) / pulls);
  }

  pick(allowed: (operator: OperatorName) => boolean = () => true): OperatorName | null {
    let best: OperatorName | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const { operator } of this.stats) {
      if (!allowed(operator)) continue;
      const score = this.score(operator);
      if (score > bestScore) {
        best = operator;
        bestScore = score;
      }
    }
    if (best) {
      this.pulls.set(best, (this.pulls.get(best) ?? 0) + 1);
      this.total += 1;
    }
    return best;
  }
}
