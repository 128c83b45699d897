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
 * Layout of the result: weights[bucket * HEAD_COUNT + head].
 *
 * The heads of a row touch disjoint weights, so they are read and stepped in one pass over the
 * row's features; each weight still sees exactly the operations, in the order, of one head at a
 * time. While training, a bucket's weight and squared-gradient sum of every learning head sit
 * side by side in one Float32Array (float32 storage rounds as the separate arrays did), indexed
 * by the set's dense bucket ids, so a feature costs one mostly cached line instead of one per
 * head and array.
 */
export function trainLogistic(options: TrainOptions): Float32Array {
  const { data, bits, epochs, learningRate, l2, seed } = options;
  const { offsets, indices, values, targets } = data;
  const rowWeights = data.weights;

  // Heads with a target on some row; the others stay 0, as they would untouched.
  const learning: number[] = [];
  for (let head = 0; head < HEAD_COUNT; head += 1) {
    let learns = false;
    for (let row = 0; row < data.size && !learns; row += 1) learns = !Number.isNaN(targets[row * HEAD_COUNT + head]);
    if (learns) learning.push(head);
  }
  // The trust head is fitted alone, the other two together.
  if (learning.length > 2) throw new Error('trainLogistic: at most two heads learn at once');
  const stride = 2 * learning.length;
  const state = new Float32Array(data.buckets.length * stride);
  for (let slot = 1; slot < state.length; slot += 2) state[slot] = 1e-6;

  const order = new Int32Array(data.size);
  for (let index = 0; index < order.length; index += 1) order[index] = index;
  const random = seededRandom(seed);
  const rowHeads = new Int32Array(HEAD_COUNT);
  const rowTargets = new Float64Array(HEAD_COUNT);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(random() * (index + 1));
      const held = order[index];
      order[index] = order[swap];
      order[swap] = held;
    }
    for (let position = 0; position < order.length; position += 1) {
      const row = order[position];
      const start = offsets[row];
      const end = offsets[row + 1];
      const rowWeight = rowWeights[row];
      let heads = 0;
      for (let local = 0; local < learning.length; local += 1) {
        const target = targets[row * HEAD_COUNT + learning[local]];
        if (Number.isNaN(target)) continue;
        rowHeads[heads] = 2 * local;
        rowTargets[heads] = target;
        heads += 1;
      }
      if (heads === 1) {
        const at = rowHeads[0];
        let logit = 0;
        for (let k = start; k < end; k += 1) logit += state[indices[k] * stride + at] * values[k];
        const gradient = (1 / (1 + Math.exp(-logit)) - rowTargets[0]) * rowWeight;
        for (let k = start; k < end; k += 1) {
          const slot = indices[k] * stride + at;
          const step = gradient * values[k] + l2 * state[slot];
          state[slot + 1] += step * step;
          state[slot] -= (learningRate * step) / Math.sqrt(state[slot + 1]);
        }
      } else if (heads > 1) {
        // Two heads (the third, trust, is fitted alone).
        const first = rowHeads[0];
        const second = rowHeads[1];
        let logitFirst = 0;
        let logitSecond = 0;
        for (let k = start; k < end; k += 1) {
          const base = indices[k] * stride;
          const value = values[k];
          logitFirst += state[base + first] * value;
          logitSecond += state[base + second] * value;
        }
        const gradientFirst = (1 / (1 + Math.exp(-logitFirst)) - rowTargets[0]) * rowWeight;
        const gradientSecond = (1 / (1 + Math.exp(-logitSecond)) - rowTargets[1]) * rowWeight;
        for (let k = start; k < end; k += 1) {
          const base = indices[k] * stride;
          const value = values[k];
          const slotFirst = base + first;
          const stepFirst = gradientFirst * value + l2 * state[slotFirst];
          state[slotFirst + 1] += stepFirst * stepFirst;
          state[slotFirst] -= (learningRate * stepFirst) / Math.sqrt(state[slotFirst + 1]);
          const slotSecond = base + second;
          const stepSecond = gradientSecond * value + l2 * state[slotSecond];
          state[slotSecond + 1] += stepSecond * stepSecond;
          state[slotSecond] -= (learningRate * stepSecond) / Math.sqrt(state[slotSecond + 1]);
        }
      }
    }
  }
  const weights = new Float32Array((1 << bits) * HEAD_COUNT);
  for (let id = 0; id < data.buckets.length; id += 1) {
    for (let local = 0; local < learning.length; local += 1) weights[data.buckets[id] * HEAD_COUNT + learning[local]] = state[id * stride + 2 * local];
  }
  return weights;
}
