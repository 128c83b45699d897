import { describe, expect, it } from 'vitest';
import { evolveCardSection } from '../../pipeline/dataset/evolve-section.ts';
import { startEvolveState } from '../../pipeline/evolution/evolve-state.ts';
import { summariseEvolve } from '../../pipeline/evolution/evolve-summary.ts';
import type { RoundStats } from '../../pipeline/evolution/round-stats.ts';
import { evolveSection } from '../../pipeline/report/evolve-sections.ts';
import type { Dataset } from '../../pipeline/dataset/read-dataset.ts';
import { EvolveConfig } from '../../pipeline/schemas/evolve.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { mutatePromptsSection } from '../../pipeline/evolution/mutate-prompts-section.ts';
import { answerVersions, versionChanges } from '../../pipeline/runs/answer-versions.ts';

const ROUND: RoundStats = {
  round: 1, parents: 10, tasks: 25, children: 30, duplicates: 3, harmful: 2, screened: 25, probed: 6, unprobed: 0, hard: 4, failed: 0,
  calls: { generator: 25, judges: 70, targets: 43, refusal_judge: 0, total: 138 },
  operators: { shorten: { children: 15, hard: 3, harmful: 0, duplicates: 1 }, expand: { children: 15, hard: 1, harmful: 2, duplicates: 2 } },
};

function summary() {
  const evolve = startEvolveState();
  evolve.rounds.push(ROUND);
  evolve.fates.push(...Array(3).fill({ operator: 'shorten', fate: 'hard' }), ...Array(12).fill({ operator: 'shorten', fate: 'kept' }), { operator: 'expand', fate: 'hard' }, ...Array(2).fill({ operator: 'expand', fate: 'harmful' }));
  return summariseEvolve({ evolve, config: EvolveConfig.parse({ rounds: 1, operators: ['shorten', 'expand'] }), records: [], seedsGenerated: 5 });
}

describe('the rounds in the card, manifest and report', () => {
  it('summarises the bandit per operator with its yield, and names the operator templates', () => {
    const result = summary();
    expect(result.operators.map((entry) => [entry.operator, entry.pulls, entry.hard, entry.yield])).toEqual([['shorten', 15, 3, 0.2], ['expand', 3, 1, 0.3333]]);
    expect(result.operator_versions).toEqual({ shorten: 'shorten-v1', expand: 'expand-v1' });
    expect(result.first_round.calls.generator).toBe(5);
  });

  it('puts a funnel row per round and a yield row per operator in the card', () => {
    const card = evolveCardSection(summary());
    expect(card).toContain('| 1 | 10 | 30 | 3 (10.0%) | 2 (6.7%) | 25 / 6 | 4 | 138 | 29.0 |');
    expect(card).toContain('| `shorten` | 15 | 3 | 0 | 0 | 20.0% |');
  });

  it('shows the rounds in the report only for datasets made with rounds', () => {
    const dataset = (extra: Record<string, unknown>) => ({ manifest: { extra } }) as unknown as Dataset;
    expect(evolveSection(dataset({}))).toBe('');
    const html = evolveSection(dataset({ evolve: summary() }));
    expect(html).toContain('<section id="evolve">');
    expect(html).toContain('operator-yield-chart');
  });

  it('publishes the mutation template and every configured operator in prompts.md, only for a run with rounds', () => {
    expect(mutatePromptsSection(Config.parse({}))).toBe('');
    const section = mutatePromptsSection(Config.parse({ evolve: { rounds: 2, operators: ['shorten', 'crossover'] } }));
    expect(section).toContain('## Mutation, in search rounds (`mutate-v1`)');
    expect(section).toContain('| `shorten` | `shorten-v1` |');
    expect(section).toContain('| `crossover` | `crossover-v1` |');
    expect(section).not.toContain('`expand`');
    expect(section).toContain('json_schema `mutations`');
  });

  it('keys a run with rounds on the operators’ versions, and leaves a one-shot run’s versions as they were', () => {
    const oneShot = answerVersions(Config.parse({}), () => 'sim-x');
    expect('mutate' in oneShot).toBe(false);
    const evolved = answerVersions(Config.parse({ evolve: { rounds: 1, operators: ['expand'] } }), () => 'sim-x');
    expect(evolved.mutate).toBe('mutate-v1 expand-v1');
    expect(versionChanges(oneShot, evolved)).toEqual(['mutation templates none -> mutate-v1 expand-v1']);
  });
});
