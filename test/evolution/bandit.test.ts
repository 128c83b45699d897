import { describe, expect, it } from 'vitest';
import { operatorStats, Ucb1 } from '../../pipeline/evolution/bandit.ts';
import type { OperatorName } from '../../pipeline/schemas/evolve.ts';

const OPS: OperatorName[] = ['shorten', 'expand', 'sensitive-word'];

describe('the UCB1 operator bandit', () => {
  it('tries every operator once, in the configured order, before it repeats one', () => {
    const bandit = new Ucb1(operatorStats(OPS, []));
    expect([bandit.pick(), bandit.pick(), bandit.pick()]).toEqual(OPS);
  });

  it('gives more pulls to the operator whose children became hard, fewer to one whose children were harmful or duplicates', () => {
    const fates = [
      ...Array.from({ length: 6 }, () => ({ operator: 'sensitive-word' as const, fate: 'hard' as const })),
      ...Array.from({ length: 6 }, () => ({ operator: 'expand' as const, fate: 'harmful' as const })),
      ...Array.from({ length: 6 }, () => ({ operator: 'shorten' as const, fate: 'duplicate' as const })),
    ];
    const bandit = new Ucb1(operatorStats(OPS, fates));
    const picks = Array.from({ length: 30 }, () => bandit.pick()!);
    const count = (name: OperatorName) => picks.filter((pick) => pick === name).length;
    expect(count('sensitive-word')).toBeGreaterThan(count('expand') + count('shorten'));
  });

  it('makes the same choices from the same statistics', () => {
    const fates = [{ operator: 'expand' as const, fate: 'kept' as const }, { operator: 'shorten' as const, fate: 'hard' as const }];
    const run = () => {
      const bandit = new Ucb1(operatorStats(OPS, fates));
      return Array.from({ length: 12 }, () => bandit.pick());
    };
    expect(run()).toEqual(run());
  });

  it('never picks an operator it is told the parent cannot use', () => {
    const bandit = new Ucb1(operatorStats(['crossover', 'shorten'], []));
    expect(Array.from({ length: 4 }, () => bandit.pick((name) => name !== 'crossover'))).toEqual(['shorten', 'shorten', 'shorten', 'shorten']);
  });

  it('counts hard, harmful and duplicate children per operator', () => {
    const stats = operatorStats(['expand'], [{ operator: 'expand', fate: 'hard' }, { operator: 'expand', fate: 'harmful' }, { operator: 'expand', fate: 'duplicate' }, { operator: 'expand', fate: 'kept' }]);
    expect(stats).toEqual([{ operator: 'expand', pulls: 4, reward: 1.2, hard: 1, harmful: 1, duplicates: 1 }]);
  });
});
