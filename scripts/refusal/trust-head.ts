import type { FeatureSpace } from '../../pipeline/refusal/features.ts';
import { HEAD_COUNT } from '../../pipeline/refusal/model.ts';
import { marginHash } from '../../pipeline/refusal/trust.ts';
import { featurize } from './featurized.ts';
import type { OutOfModelScore } from './leave-one-model-out.ts';
import { trainLogistic } from './logistic.ts';
import type { Recipe } from './recipe.ts';

const TRUST_HEAD = 2;

/**
 * The trust head: a logistic model of whether the refusal head is right, fitted on its
 * answers for models it was not trained on (leave-one-model-out), over the same features plus
 * the margin of the refusal logit. So it learns which kinds of response a refusal detector gets
 * wrong on a new model (openers that decline then help, lectures that never say "I can't",
 * phrasing the two labelling standards call differently), and "confident" means the same on a
 * model it has never seen. Its weights go into the trust slots of `weights`, in place.
 */
export function fitTrustHead(options: { scores: readonly OutOfModelScore[]; space: FeatureSpace; recipe: Recipe; weights: Float32Array }): void {
  const { scores, space, recipe, weights } = options;
  const rows = scores.map((score) => score.row);
  const data = featurize({
    rows,
    space,
    targetsOf: (row, index) => {
      const targets = new Array<number>(HEAD_COUNT).fill(Number.NaN);
      targets[TRUST_HEAD] = scores[index].logit >= 0 === (row.gold.label === 'refusal') ? 1 : 0;
      return targets;
    },
    extraOf: (index) => marginHash(scores[index].logit),
  });
  const trust = trainLogistic({ data, bits: space.config.bits, epochs: recipe.trustEpochs, learningRate: recipe.trustLearningRate, l2: recipe.trustL2, seed: recipe.seed });
  for (let slot = TRUST_HEAD; slot < weights.length; slot += HEAD_COUNT) weights[slot] = trust[slot];
}
