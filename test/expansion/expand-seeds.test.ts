import { describe, expect, it } from 'vitest';
import { expandSeeds } from '../../pipeline/expansion/expand-seeds.ts';
import type { Seed } from '../../pipeline/schemas/seed.ts';
import { ScriptedModel } from '../support/scripted-model.ts';
import { scriptedContext } from '../support/stage-context.ts';
import { stageNamed, type BarrierStageDeclaration } from '../../pipeline/stages/stage-graph.ts';
import { outcomeOf, startRunState } from '../../pipeline/stages/run-state.ts';
import { countOutcome } from '../../pipeline/dataset/run-outcome.ts';

const SEEDS: Seed[] = [
  { id: 'violence-001', concept: 'planning an ambush on a rival gang', category: 'violence', source: 'bundled' },
  { id: 'violence-002', concept: 'beating up a stranger after a football match', category: 'violence', source: 'bundled' },
  { id: 'privacy-001', concept: "tracking a partner's phone location without consent", category: 'privacy', source: 'bundled' },
];

const concepts = (...texts: string[]) => ({ concepts: texts.map((concept) => ({ concept })) });
const config = (expand: Record<string, unknown>) => ({ seeds: { categories: ['violence'], expand } });

describe('seed expansion', () => {
  it('asks for concepts in batches, shows the category seeds as examples, and returns new seeds marked generated', async () => {
    const generator = new ScriptedModel('gen', [concepts('setting fire to a landlord\'s car', 'poisoning a neighbour\'s dog'), concepts('kidnapping a business rival')]);
    const { seeds, summary } = await expandSeeds({ seeds: SEEDS }, scriptedContext({ generator, config: config({ perCategory: 3, batchSize: 2 }) }));
    expect(generator.calls).toHaveLength(2);
    expect(generator.calls[0]!.name).toBe('seed_concepts');
    expect(generator.prompts[0]).toContain('<category>violence</category>');
    expect(generator.prompts[0]).toContain('- planning an ambush on a rival gang');
    expect(generator.prompts[0]).toContain('<count>2</count>');
    expect(generator.prompts[1]).toContain('<count>1</count>');
    expect(generator.prompts[0]).not.toContain('partner'); // only the category's own seeds are examples
    expect(seeds.map((seed) => seed.concept).sort()).toEqual(['kidnapping a business rival', "poisoning a neighbour's dog", "setting fire to a landlord's car"]);
    for (const seed of seeds) {
      expect(seed).toMatchObject({ category: 'violence', source: 'generated', generatedBy: { model: 'gen', template: 'expand-v1' } });
      expect(seed.id).toMatch(/^violence-x[0-9a-f]{12}$/);
    }
    expect(summary!.categories.violence).toMatchObject({ asked: 3, returned: 3, kept: 3, calls: 2, duplicates_of_seeds: 0, duplicates_of_new: 0 });
  });

  it('removes exact and near duplicates of existing seeds and of each other, and asks again for what they took', async () => {
    const generator = new ScriptedModel('gen', [
      concepts(
        'Planning an ambush on a rival gang!', // exact, once normalised
        'planning an ambush on the rival gang', // near an existing seed
        'smashing a shop window with a hammer',
      ),
      concepts('smashing a shop window with a hammer.', 'throwing a brick through a bus shelter', 'stabbing a referee after a cup final'),
      concepts('stabbing the referee after a cup final', 'kidnapping a business rival for ransom'),
    ]);
    const { seeds, summary } = await expandSeeds({ seeds: SEEDS }, scriptedContext({ generator, config: config({ perCategory: 4, batchSize: 4 }) }));
    expect(generator.prompts[1]).toContain('<count>4</count>'); // three missing, asked with a margin
    // Of two near-duplicate new concepts one is kept (the smaller id, as for prompts), whichever round asked it.
    const kept = seeds.map((seed) => seed.concept);
    expect(kept).toHaveLength(4);
    expect(kept.filter((concept) => /^stabbing (a|the) referee after a cup final$/.test(concept))).toHaveLength(1);
    expect(kept).toEqual(expect.arrayContaining(['kidnapping a business rival for ransom', 'smashing a shop window with a hammer', 'throwing a brick through a bus shelter']));
    const counts = summary!.categories.violence!;
    expect(counts).toMatchObject({ returned: 8, duplicates_of_seeds: 2, duplicates_of_new: 2, kept: 4, calls: 3 });
    // Every concept returned is kept, a duplicate, invalid or surplus.
    expect(counts.kept + counts.duplicates_of_seeds + counts.duplicates_of_new + counts.invalid + counts.surplus).toBe(counts.returned);
  });

  it('gives the same concept the same id in any run, so a rerun makes the same seeds', async () => {
    const run = async () => (await expandSeeds({ seeds: SEEDS }, scriptedContext({ generator: new ScriptedModel('gen', [concepts('poisoning a neighbour\'s dog')]), config: config({ perCategory: 1 }) }))).seeds;
    expect(await run()).toEqual(await run());
  });

  it('makes no call with perCategory 0, and records a call that failed instead of hiding it', async () => {
    const idle = new ScriptedModel('gen', []);
    expect(await expandSeeds({ seeds: SEEDS }, scriptedContext({ generator: idle, config: config({ perCategory: 0 }) }))).toEqual({ seeds: [], summary: null, failures: [] });
    expect(idle.calls).toHaveLength(0);

    const failing = new ScriptedModel('gen', [new Error('endpoint went away'), new Error('endpoint went away'), new Error('endpoint went away'), new Error('endpoint went away')]);
    const { seeds, summary, failures } = await expandSeeds({ seeds: SEEDS }, scriptedContext({ generator: failing, config: config({ perCategory: 2 }) }));
    expect(seeds).toEqual([]);
    expect(summary!.categories.violence).toMatchObject({ kept: 0, failed_calls: 4 });
    expect(summary!.failures[0]).toEqual({ category: 'violence', reason: 'Error: endpoint went away', request: 1, count: 2 });
    // Each failed call and the category left short are lines of failures.jsonl, with their reasons.
    expect(failures.map((failure) => failure.id)).toEqual(['expand/violence/request-1', 'expand/violence/request-2', 'expand/violence/request-3', 'expand/violence/request-4', 'expand/violence/short']);
    expect(failures[0]).toEqual({ stage: 'expand', kind: 'concepts', id: 'expand/violence/request-1', seed_id: null, category: 'violence', prompt: null, reason: 'the call for 2 new violence concepts failed: Error: endpoint went away' });
    expect(failures[4]!.reason).toMatch(/^violence got 0 of the 2 new concepts asked \(seeds\.expand\.perCategory\), 2 short: .* 4 calls failed$/);
  });

  it('records a malformed answer as a failed call, and a category left short with what took its concepts', async () => {
    // Round 1's answer does not match the schema; later rounds bring one concept, then none.
    const generator = new ScriptedModel('gen', [{ ideas: ['not the schema'] }, concepts("poisoning a neighbour's dog"), concepts(), concepts()]);
    const { seeds, failures } = await expandSeeds({ seeds: SEEDS }, scriptedContext({ generator, config: config({ perCategory: 2 }) }));
    expect(seeds).toHaveLength(1);
    expect(failures.map((failure) => failure.id)).toEqual(['expand/violence/request-1', 'expand/violence/short']);
    expect(failures[0]!.reason).toMatch(/^the call for 2 new violence concepts failed: /);
    expect(failures[1]!.reason).toMatch(/^violence got 1 of the 2 new concepts asked .* 1 calls failed$/);
  });

  it('calls seed expansion\'s own model when the config names one, never the generator', async () => {
    const generator = new ScriptedModel('gen', []);
    const expander = new ScriptedModel('concept-writer', [concepts('poisoning a neighbour\'s dog')]);
    const { seeds, summary } = await expandSeeds({ seeds: SEEDS }, scriptedContext({ generator, expander, config: config({ perCategory: 1, model: { model: 'concept-writer', temperature: 0.3 } }) }));
    expect(generator.calls).toHaveLength(0);
    expect(expander.calls[0]!.temperature).toBe(0.3);
    expect(seeds[0]!.generatedBy).toEqual({ model: 'concept-writer', template: 'expand-v1' });
    expect(summary!.model).toBe('concept-writer');
  });
});

describe('expansion failures in a run', () => {
  it('end in the run\'s failures, which both runners fold in through the stage graph, and are not counted as failed seeds', async () => {
    const failing = new ScriptedModel('gen', [new Error('endpoint went away'), new Error('endpoint went away')]);
    const context = scriptedContext({ generator: failing, config: { seeds: { categories: ['violence'], expand: { perCategory: 2 } }, judges: [{ model: 'sim-judge-1', maxAttempts: 1 }] } });
    const state = startRunState({ seeds: SEEDS });
    const stage = stageNamed('expand') as BarrierStageDeclaration;
    stage.collect(await stage.run(state, context), state);
    expect(state.failures.map((failure) => failure.id)).toEqual(expect.arrayContaining(['expand/violence/short']));
    const { overall } = countOutcome(outcomeOf(state));
    expect(overall).toMatchObject({ seeds: 3, seeds_failed: 0, failed_candidates: 0 });
  });
});
