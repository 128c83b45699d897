import { seededRandom } from '../../pipeline/text/hashing.ts';
import { HEAD_COUNT } from '../../pipeline/refusal/model.ts';
import type { FeaturizedSet } from './featurized.ts';

export interface TrainOptions {
  data: FeaturizedSet;
  bits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/**
 * Independent logistic heads trained with AdaGrad on hashed sparse features, sharing one
 * seeded shuffle. L2 is applied to the weights an example touches, which keeps each step
 * sparse. Single-threaded and seeded, so two runs give bit-identical weights.
 * Layout: weights[bucket * HEAD_COUNT + head].
 */
export function trainLogistic(options: TrainOptions): Float32Array {
  const { data, bits, epochs, learningRate, l2, seed } = options;
  const weights = new Float32Array((1 << bits) * HEAD_COUNT);
  const squares = new Float32Array(weights.length).fill(1e-6);
  const order = Int32Array.from({ length: data.size }, (_, index) => index);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(random() * (index + 1));
      const held = order[index];
      order[index] = order[swap];
      order[swap] = held;
    }
    for (const row of order) {
      const start = data.offsets[row];
      const end = data.offsets[row + 1];
      for (let head = 0; head < HEAD_COUNT; head += 1) {
        const target = data.targets[row * HEAD_COUNT + head];
        if (Number.isNaN(target)) continue;
        let logit = 0;
        for (let k = start; k < end; k += 1) logit += weights[data.indices[k] * HEAD_COUNT + head] * data.values[k];
        const gradient = (1 / (1 + Math.exp(-logit)) - target) * data.weights[row];
        for (let k = start; k < end; k += 1) {
          const slot = data.indices[k] * HEAD_COUNT + head;
          const step = gradient * data.values[k] + l2 * weights[slot];
          squares[slot] += step * step;
          weights[slot] -= (learningRate * step) / Math.sqrt(squares[slot]);
        }
      }
    }
  }
  return weights;
}
