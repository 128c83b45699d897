import { describe, expect, it } from 'vitest';
import { planRound } from '../../pipeline/evolution/plan-round.ts';
import type { DatasetRecord } from '../../pipeline/schemas/candidate.ts';
import { EvolveConfig } from '../../pipeline/schemas/evolve.ts';

function record(options: { id: string; seed: string; rate: number; label?: DatasetRecord['label']; hard?: boolean }): DatasetRecord {
  return {
    id: options.id,
    prompt: `prompt ${options.id}`,
    category: 'violence',
    judged_category: null,
    label: options.label ?? 'benign',
    hard: options.hard ?? false,
    seed: { id: options.seed, concept: 'a concept', category: 'violence' },
    pattern: 'homonym',
    generator: { model: 'g', template: 'generate-v1' },
    votes: [],
    probes: options.label === 'harmful' ? [] : [{ model: 't', samples: 3, refusals: Math.round(options.rate * 3), refusal_rate: options.rate, decided_by: { classifier: 3, judge: 0 } }],
  };
}

const evolve = (fields: Record<string, unknown>) => EvolveConfig.parse({ rounds: 1, ...fields });

describe('a round plan', () => {
  it('picks parents among unrefused benign or controversial prompts, highest refusal rate first, ties by id', () => {
    const records = [
      record({ id: 'b', seed: 's1', rate: 0.33 }),
      record({ id: 'a', seed: 's2', rate: 0.33 }),
      record({ id: 'c', seed: 's3', rate: 0 }),
      record({ id: 'd', seed: 's4', rate: 0.67, hard: true }),
      record({ id: 'e', seed: 's5', rate: 0, label: 'harmful' }),
      record({ id: 'f', seed: 's6', rate: 0.2, label: 'controversial' }),
    ];
    const plan = planRound({ round: 1, records, usedParents: new Set(['c']), fates: [], evolve: evolve({ parentsPerRound: 10 }) });
    expect(plan.parents.map((parent) => parent.id)).toEqual(['a', 'b', 'f']);
  });

  it('takes at most maxParentsPerSeed parents of one seed', () => {
    const records = ['a', 'b', 'c', 'd'].map((id, index) => record({ id, seed: index < 3 ? 'same' : 'other', rate: 0.3 }));
    const plan = planRound({ round: 1, records, usedParents: new Set(), fates: [], evolve: evolve({ parentsPerRound: 10, maxParentsPerSeed: 2 }) });
    expect(plan.parents.map((parent) => parent.id)).toEqual(['a', 'b', 'd']);
  });

  it('gives each child slot an operator, one call per parent and operator, crossover only with a second parent of the seed', () => {
    const records = [record({ id: 'a', seed: 's1', rate: 0.3 }), record({ id: 'b', seed: 's2', rate: 0.2 }), record({ id: 'c', seed: 's2', rate: 0.1 })];
    const plan = planRound({ round: 2, records, usedParents: new Set(), fates: [], evolve: evolve({ parentsPerRound: 2, childrenPerParent: 3, operators: ['crossover', 'shorten'] }) });
    const summary = plan.tasks.map((task) => [task.parent.id, task.operator, task.count, task.partner?.id ?? null, task.round]);
    expect(summary).toEqual([
      // a has no second parent of its seed; b's first slot tries crossover, untried, and its unrewarded pulls still score above shorten's three.
      ['a', 'shorten', 3, null, 2],
      ['b', 'crossover', 3, 'c', 2],
    ]);
  });
});
