import { NO_SPLIT, type TreeEnsemble } from '../../pipeline/refusal/boosted-trees.ts';

export interface BoostOptions {
  /** Row-major dense features: rows[row * featureCount + feature]. */
  rows: Float32Array;
  featureCount: number;
  /** 1 = refusal, 0 = compliance. */
  targets: Float32Array;
  weights: Float32Array;
  rounds: number;
  depth: number;
  learningRate: number;
  /** L2 on leaf values; also damps splits backed by few rows. */
  lambda: number;
  /** Smallest summed hessian a leaf may hold, so no leaf is fitted to a handful of rows. */
  minLeafHessian: number;
  /** Most candidate thresholds per feature (quantiles of the training values). */
  bins: number;
}

/** Distinct quantile values of one feature, ascending; a split is "value > threshold". */
function candidateThresholds(options: { values: Float32Array; bins: number }): Float64Array {
  const sorted = Float64Array.from(options.values).sort();
  const thresholds: number[] = [];
  for (let bin = 1; bin < options.bins; bin += 1) {
    const value = sorted[Math.floor((bin * (sorted.length - 1)) / options.bins)];
    if (thresholds.length === 0 || value > thresholds[thresholds.length - 1]) thresholds.push(value);
  }
  // The largest value can never send a row right, so it is no threshold.
  if (thresholds.length > 0 && thresholds[thresholds.length - 1] >= sorted[sorted.length - 1]) thresholds.pop();
  return Float64Array.from(thresholds);
}

/**
 * Logistic gradient boosting with histogram splits, level by level to a fixed depth.
 * Plain loops in a fixed order, so the same input gives the same trees bit for bit.
 */
export function trainBoostedTrees(options: BoostOptions): TreeEnsemble {
  const { rows, featureCount, targets, weights, rounds, depth, learningRate, lambda, minLeafHessian, bins } = options;
  const size = targets.length;
  const thresholds: Float64Array[] = [];
  const binned = new Uint8Array(size * featureCount);
  for (let feature = 0; feature < featureCount; feature += 1) {
    const values = new Float32Array(size);
    for (let row = 0; row < size; row += 1) values[row] = rows[row * featureCount + feature];
    const cuts = candidateThresholds({ values, bins });
    thresholds.push(cuts);
    for (let row = 0; row < size; row += 1) {
      let bin = 0;
      while (bin < cuts.length && values[row] > cuts[bin]) bin += 1;
      binned[row * featureCount + feature] = bin;
    }
  }
  let positive = 0;
  let total = 0;
  for (let row = 0; row < size; row += 1) {
    positive += targets[row] * weights[row];
    total += weights[row];
  }
  // Rounded as stored, like the leaves.
  const base = Number(Math.log(positive / (total - positive)).toPrecision(8));
  const splits = (1 << depth) - 1;
  const leavesPerTree = 1 << depth;
  const features = new Int32Array(rounds * splits);
  const cuts = new Float64Array(rounds * splits).fill(NO_SPLIT);
  const leaves = new Float64Array(rounds * leavesPerTree);
  const scores = new Float64Array(size).fill(base);
  const gradients = new Float64Array(size);
  const hessians = new Float64Array(size);
  const node = new Int32Array(size);
  const width = bins + 1;
  for (let round = 0; round < rounds; round += 1) {
    for (let row = 0; row < size; row += 1) {
      const probability = 1 / (1 + Math.exp(-scores[row]));
      gradients[row] = (probability - targets[row]) * weights[row];
      hessians[row] = Math.max(1e-6, probability * (1 - probability)) * weights[row];
    }
    node.fill(0);
    for (let level = 0; level < depth; level += 1) {
      const first = (1 << level) - 1;
      const nodes = 1 << level;
      const histogram = new Float64Array(nodes * featureCount * width * 2);
      const totals = new Float64Array(nodes * 2);
      for (let row = 0; row < size; row += 1) {
        const local = node[row] - first;
        totals[local * 2] += gradients[row];
        totals[local * 2 + 1] += hessians[row];
        const base = local * featureCount * width;
        for (let feature = 0; feature < featureCount; feature += 1) {
          const slot = (base + feature * width + binned[row * featureCount + feature]) * 2;
          histogram[slot] += gradients[row];
          histogram[slot + 1] += hessians[row];
        }
      }
      const chosen = new Int32Array(nodes).fill(-1);
      const chosenBin = new Int32Array(nodes);
      for (let local = 0; local < nodes; local += 1) {
        const gradient = totals[local * 2];
        const hessian = totals[local * 2 + 1];
        const parent = (gradient * gradient) / (hessian + lambda);
        let bestGain = 1e-9;
        for (let feature = 0; feature < featureCount; feature += 1) {
          let leftGradient = 0;
          let leftHessian = 0;
          const base = (local * featureCount + feature) * width;
          for (let bin = 0; bin < thresholds[feature].length; bin += 1) {
            leftGradient += histogram[(base + bin) * 2];
            leftHessian += histogram[(base + bin) * 2 + 1];
            const rightHessian = hessian - leftHessian;
            if (leftHessian < minLeafHessian || rightHessian < minLeafHessian) continue;
            const rightGradient = gradient - leftGradient;
            const gain = (leftGradient * leftGradient) / (leftHessian + lambda) + (rightGradient * rightGradient) / (rightHessian + lambda) - parent;
            if (gain > bestGain) {
              bestGain = gain;
              chosen[local] = feature;
              chosenBin[local] = bin;
            }
          }
        }
        const slot = round * splits + first + local;
        if (chosen[local] >= 0) {
          features[slot] = chosen[local];
          cuts[slot] = thresholds[chosen[local]][chosenBin[local]];
        }
      }
      for (let row = 0; row < size; row += 1) {
        const local = node[row] - first;
        const goRight = chosen[local] >= 0 && binned[row * featureCount + chosen[local]] > chosenBin[local];
        node[row] = 2 * node[row] + (goRight ? 2 : 1);
      }
    }
    const leafGradient = new Float64Array(leavesPerTree);
    const leafHessian = new Float64Array(leavesPerTree);
    for (let row = 0; row < size; row += 1) {
      leafGradient[node[row] - splits] += gradients[row];
      leafHessian[node[row] - splits] += hessians[row];
    }
    for (let leaf = 0; leaf < leavesPerTree; leaf += 1) {
      // Rounded as stored, so training continues from exactly the model that will be loaded.
      leaves[round * leavesPerTree + leaf] = Number(((-leafGradient[leaf] / (leafHessian[leaf] + lambda)) * learningRate).toPrecision(6));
    }
    for (let row = 0; row < size; row += 1) scores[row] += leaves[round * leavesPerTree + node[row] - splits];
  }
  return { depth, base, count: rounds, features, thresholds: cuts, leaves };
}
