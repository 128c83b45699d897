import { seededRandom } from '../text/hashing.ts';
import type { PromptFeatures } from './prompt-features.ts';

/** How a predictor is fitted; recorded in the manifest so a figure can be rebuilt. */
export const TRAINING = Object.freeze({ epochs: 10, learningRate: 0.1, l2: 1e-5, shuffleSeed: 17 });

const YIELD_EVERY = 2_000;

/** A prompt and what one target did with it: `refusals` of `samples` answers were refusals. */
export interface LabelledPrompt {
  features: PromptFeatures;
  refusals: number;
  samples: number;
}

/**
 * Logistic regression of a target's per-sample refusal probability, each sample one trial (so a
 * three-sample probe weighs three times a one-sample screen, and a prompt refused once in three
 * still says something), by AdaGrad over hashed features, rows in a seeded shuffle per epoch:
 * the same rows in the same order give the same weights, bit for bit, on either runner. L2 is
 * applied to the weights a row touches (lazily), which keeps a sparse update sparse.
 */
export async function trainLogistic(rows: readonly LabelledPrompt[], options: { bits: number; signal?: AbortSignal }): Promise<Float64Array> {
  const { bits, signal } = options;
  const weights = new Float64Array(1 << bits);
  const squared = new Float64Array(1 << bits);
  const order = rows.map((_, index) => index);
  const random = seededRandom(TRAINING.shuffleSeed);
  for (let epoch = 0; epoch < TRAINING.epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    for (let position = 0; position < order.length; position += 1) {
      // A large run's fit takes seconds: the event loop gets in now and then, so a queue worker keeps renewing its job's lock.
      if (position % YIELD_EVERY === YIELD_EVERY - 1) {
        await new Promise((resolve) => setImmediate(resolve));
        signal?.throwIfAborted();
      }
      const row = rows[order[position]!]!;
      const { indices, value } = row.features;
      const gradient = row.samples * sampleRefusal(weights, row.features) - row.refusals;
      for (let feature = 0; feature < indices.length; feature += 1) {
        const bucket = indices[feature]!;
        const step = gradient * value + TRAINING.l2 * weights[bucket]!;
        squared[bucket] = squared[bucket]! + step * step;
        weights[bucket] = weights[bucket]! - (TRAINING.learningRate * step) / Math.sqrt(squared[bucket]! + 1e-8);
      }
    }
  }
  return weights;
}

/** The predicted probability that one answer of the target to a prompt with these features is a refusal. */
export function sampleRefusal(weights: Float64Array, features: PromptFeatures): number {
  let logit = 0;
  for (let feature = 0; feature < features.indices.length; feature += 1) logit += weights[features.indices[feature]!]! * features.value;
  return 1 / (1 + Math.exp(-logit));
}

/**
 * The probability that a target refusing each answer with probability `perSample` refuses at
 * least `threshold` of `samples` answers: the probe's rule for "this target refuses this prompt".
 */
export function refusedProbability(options: { perSample: number; samples: number; threshold: number }): number {
  const { perSample, samples } = options;
  const needed = Math.ceil(options.threshold * samples - 1e-9);
  let total = 0;
  let choose = 1;
  for (let count = 0; count <= samples; count += 1) {
    if (count > 0) choose = (choose * (samples - count + 1)) / count;
    if (count >= needed) total += choose * perSample ** count * (1 - perSample) ** (samples - count);
  }
  return total;
}

/** Whether a probe result counts as a refusal by the probe's rule. */
export function isRefused(row: { refusals: number; samples: number }, threshold: number): boolean {
  return row.samples > 0 && row.refusals / row.samples >= threshold;
}
