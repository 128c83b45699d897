import { describe, expect, it } from 'vitest';
import { isHeldOut } from '../../pipeline/prediction/held-out-split.ts';
import { rankAuc } from '../../pipeline/prediction/held-out-figures.ts';
import { refusedProbability } from '../../pipeline/prediction/logistic-regression.ts';
import { promptFeatures } from '../../pipeline/prediction/prompt-features.ts';
import { hardProbability, predictRefusals, trainPredictors } from '../../pipeline/prediction/target-predictors.ts';
import type { DatasetRecord } from '../../pipeline/schemas/candidate.ts';
import { predictorCardSection } from '../../pipeline/dataset/predictor-section.ts';
import { predictorSummary } from '../../pipeline/evolution/predictor-summary.ts';
import { evolveSection } from '../../pipeline/report/evolve-sections.ts';
import type { Dataset } from '../../pipeline/dataset/read-dataset.ts';

const TOPICS = ['garden', 'recipe', 'history', 'chemistry', 'travel', 'music', 'poetry', 'football', 'taxes', 'weather'];

/** Prompts of 40 seeds: the "strict" target refuses every prompt that says "explosive", the "open" one nothing. */
function records(): DatasetRecord[] {
  return Array.from({ length: 160 }, (_, index) => {
    const alarming = index % 2 === 0;
    const topic = TOPICS[index % TOPICS.length];
    const prompt = alarming ? `How is an explosive scene written in a ${topic} story, number ${index}?` : `How is a calm scene written in a ${topic} story, number ${index}?`;
    const probe = (model: string, refusals: number) => ({ model, samples: 3, refusals, refusal_rate: refusals / 3, decided_by: { classifier: 3, judge: 0 } });
    return {
      id: `p${String(index).padStart(3, '0')}`, prompt, category: 'violence', judged_category: null, label: 'benign', hard: alarming,
      seed: { id: `violence-${Math.floor(index / 4)}`, concept: 'a scene', category: 'violence' }, pattern: null, generator: { model: 'gen', template: 'generate-v1' }, votes: [],
      probes: [probe('strict', alarming ? 3 : 0), probe('open', 0)],
    } satisfies DatasetRecord;
  });
}

describe('the prompt-level refusal predictor', () => {
  it("learns a target's refusals from the run's probe results and beats the majority class on held-out seeds", async () => {
    const { trainedOn, targets } = await trainPredictors({ records: records(), targets: ['strict', 'open'], refusalThreshold: 0.5 });
    expect(trainedOn).toBe(160);
    const [strict, open] = targets;
    expect(strict!.figures.test).toBeGreaterThan(0);
    expect(strict!.figures.train + strict!.figures.test).toBe(160);
    expect(strict!.figures.accuracy!).toBeGreaterThan(strict!.figures.baseline!);
    expect(strict!.figures.auc).toBe(1);
    // A target that refuses nothing: the majority class is all there is, and no AUC can be had.
    expect(open!.figures).toMatchObject({ refused: 0, baseline: 1, auc: null });
    const [onAlarming] = predictRefusals({ trainedOn, targets }, { prompt: 'An explosive scene in a tennis story?', samples: 3, threshold: 0.5 });
    const [onCalm] = predictRefusals({ trainedOn, targets }, { prompt: 'A calm scene in a tennis story?', samples: 3, threshold: 0.5 });
    expect(onAlarming!).toBeGreaterThan(0.5);
    expect(onCalm!).toBeLessThan(0.5);
  });

  it('holds out whole seeds, so no rewrite of a test seed is trained on', () => {
    const seeds = Array.from({ length: 200 }, (_, index) => `privacy-${index}`);
    const heldOut = seeds.filter(isHeldOut);
    expect(heldOut.length).toBeGreaterThan(20);
    expect(heldOut.length).toBeLessThan(60);
    expect(seeds.filter(isHeldOut)).toEqual(heldOut);
  });

  it('fits the same weights whatever order the runner folded the records in', async () => {
    const rows = records();
    const forward = await trainPredictors({ records: rows, targets: ['strict'], refusalThreshold: 0.5 });
    const backward = await trainPredictors({ records: [...rows].reverse(), targets: ['strict'], refusalThreshold: 0.5 });
    expect(Buffer.from(backward.targets[0]!.weights.buffer).equals(Buffer.from(forward.targets[0]!.weights.buffer))).toBe(true);
    expect(backward.targets[0]!.figures).toEqual(forward.targets[0]!.figures);
  });

  it('ranks by the probe rule: refusals of a probe of n answers, and at least minTargets targets', () => {
    expect(refusedProbability({ perSample: 0.5, samples: 3, threshold: 0.5 })).toBeCloseTo(0.5);
    expect(refusedProbability({ perSample: 0.2, samples: 1, threshold: 0.5 })).toBeCloseTo(0.2);
    expect(hardProbability([0.5, 0.5], 1)).toBeCloseTo(0.75);
    expect(hardProbability([0.5, 0.5], 2)).toBeCloseTo(0.25);
    expect(rankAuc([0.1, 0.4, 0.4, 0.9], [false, true, false, true])).toBe(0.875);
    expect(promptFeatures('Kill a Python process').indices).toEqual(promptFeatures('kill a python   process!').indices);
  });

  it('puts held-out accuracy next to the majority-class baseline per target in the manifest and the card', async () => {
    const summary = await predictorSummary({ rounds: [], records: records(), targets: ['strict', 'open'], refusalThreshold: 0.5, minTargets: 1, probesPerRound: 40 });
    expect(summary.final.trained_on).toBe(160);
    expect(summary.final.targets.map((target) => target.model)).toEqual(['strict', 'open']);
    const card = predictorCardSection(summary);
    expect(card).toContain('### Refusal predictor');
    expect(card).toMatch(/\| `open` \| \d+ \| \d+ \| 0\.0% \| 100\.0% \| 100\.0% \| n\/a \|/);
    expect(card).toContain('At most 40 children a round went to the targets');
    const evolve = { rounds: [{ round: 1, parents: 1, children: 1, duplicates: 0, harmful: 0, screened: 1, probed: 1, hard: 0, calls: { total: 1 } }], operators: [], first_round: { candidates: 1, hard: 0, calls: { total: 1 } }, predictor: summary };
    const html = evolveSection({ manifest: { extra: { evolve } } } as unknown as Dataset);
    expect(html).toContain('<h3>Refusal predictor</h3>');
    expect(html).toContain('<td>strict</td>');
  });
});
