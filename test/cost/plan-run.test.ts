import { describe, expect, it } from 'vitest';
import { planRun } from '../../pipeline/cost/plan-run.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import type { Seed } from '../../pipeline/schemas/seed.ts';

const seeds: Seed[] = Array.from({ length: 20 }, (_, index) => ({ id: `privacy-${index}`, category: index % 2 ? 'privacy' : 'violence', concept: `a concept about tracking ${index}` }) as Seed);
const pricing = { inputPerMillion: 2, outputPerMillion: 8 };

describe('the cost plan', () => {
  it('counts calls per stage and role from the config and seeds, with the most a run can make beside them', async () => {
    const config = Config.parse({ generate: { rewritesPerSeed: 4 }, targets: [{ model: 't1' }, { model: 't2' }], probe: { samples: 2 } });
    const plan = await planRun({ config, seeds });
    const row = (stage: string, role: string) => plan.rows.find((found) => found.stage === stage && found.role === role)!;
    expect(row('generate', 'generator')).toMatchObject({ calls: 20, maxCalls: 20 });
    expect(row('judge', 'judges[0]').maxCalls).toBe(80);
    expect(row('judge', 'judges[0]').calls).toBe(76);
    expect(row('judge', 'judges[2]').calls).toBeLessThan(row('judge', 'judges[1]').calls);
    expect(row('probe', 'targets[1]').maxCalls).toBe(160);
    expect(row('probe', 'targets[1]').calls).toBeLessThan(160);
    expect(plan.total.calls).toBe(plan.rows.reduce((sum, found) => sum + found.calls, 0));
    expect(plan.total.costUsd).toBeNull();
    expect(plan.rows.every((found) => found.promptTokens > 0 && found.completionTokens > 0)).toBe(true);
  });

  it('prices every row from the roles, caps target answers at probe.maxTokens, and says where a budget would stop the run', async () => {
    const roles = { generator: { model: 'g', pricing }, judges: [{ model: 'j', pricing }], targets: [{ model: 't', pricing }] };
    const capped = await planRun({ config: Config.parse({ ...roles, probe: { maxTokens: 64 } }), seeds });
    const uncapped = await planRun({ config: Config.parse({ ...roles, probe: { maxTokens: 512 } }), seeds });
    const target = (plan: typeof capped) => plan.rows.find((found) => found.role === 'targets[0]')!;
    expect(target(uncapped).completionTokens / target(capped).completionTokens).toBeCloseTo(8, 3);
    expect(capped.total.costUsd).toBeCloseTo(capped.rows.reduce((sum, found) => sum + found.costUsd!, 0), 10);
    expect(capped.total.costUsd).toBeCloseTo((capped.total.promptTokens * 2 + capped.total.completionTokens * 8) / 1e6, 10);

    const budgeted = await planRun({ config: Config.parse({ ...roles, budget: { maxCalls: 50 } }), seeds });
    expect(budgeted.budgetStops).toEqual({ field: 'budget.maxCalls', stage: 'judge' });
    expect(capped.budgetStops).toBeNull();
  });

  it('adds the search rounds and a refusal judge when the config has them', async () => {
    const plain = await planRun({ config: Config.parse({}), seeds });
    const more = await planRun({ config: Config.parse({ evolve: { rounds: 2, parentsPerRound: 5, childrenPerParent: 2 }, refusalJudge: { model: 'rj' } }), seeds });
    expect(plain.rows.some((found) => found.stage === 'evolve' || found.role === 'refusalJudge')).toBe(false);
    expect(more.rows.find((found) => found.stage === 'evolve' && found.role === 'generator')?.calls).toBe(20);
    expect(more.rows.some((found) => found.stage === 'probe' && found.role === 'refusalJudge')).toBe(true);
  });

  it('plans seed expansion on its own model when it has one, and translate mode as one English call and one translation per other language', async () => {
    const seeds: Seed[] = [{ id: 'violence-001', concept: 'a concept', category: 'violence' }];
    const expanding = Config.parse({ seeds: { expand: { perCategory: 5, model: { model: 'concept-writer' } } } });
    expect((await planRun({ config: expanding, seeds })).rows.find((row) => row.stage === 'expand')).toMatchObject({ role: 'seeds.expand.model', model: 'concept-writer' });
    const translating = Config.parse({ generate: { languages: ['de', 'zh'], languageMode: 'translate' } }); // natively 2 calls a seed
    expect((await planRun({ config: translating, seeds })).rows.find((row) => row.stage === 'generate')!.calls).toBe(3);
  });
});
