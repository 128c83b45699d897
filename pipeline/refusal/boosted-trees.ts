import { z } from 'zod';

/**
 * Gradient-boosted trees of fixed depth over the dense features, stored flat: tree t has
 * 2^depth - 1 split nodes (node n's children are 2n+1 and 2n+2) and 2^depth leaves. A node
 * that did not split has threshold NO_SPLIT, so every row goes left.
 */
export const BoostedTrees = z.object({
  depth: z.number().int().min(1).max(6).describe('Depth of every tree'),
  base: z.number().describe('Starting logit before any tree'),
  features: z.array(z.number().int().min(0)).describe('Per split node, the dense feature it reads'),
  thresholds: z.array(z.number()).describe('Per split node: a row goes right when its feature is above this'),
  leaves: z.array(z.number()).describe('Per leaf, the logit it adds'),
});
export type BoostedTrees = z.infer<typeof BoostedTrees>;

export const NO_SPLIT = 1e30;

/** Trees unpacked into typed arrays once, so scoring a response allocates nothing. */
export interface TreeEnsemble {
  depth: number;
  base: number;
  count: number;
  features: Int32Array;
  thresholds: Float64Array;
  leaves: Float64Array;
}

export function ensembleFromJson(trees: BoostedTrees): TreeEnsemble {
  const splits = (1 << trees.depth) - 1;
  const count = trees.features.length / splits;
  if (!Number.isInteger(count) || trees.thresholds.length !== trees.features.length || trees.leaves.length !== count * (splits + 1)) {
    throw new Error('refusal artifact: boosted trees have inconsistent array lengths');
  }
  return { depth: trees.depth, base: trees.base, count, features: Int32Array.from(trees.features), thresholds: Float64Array.from(trees.thresholds), leaves: Float64Array.from(trees.leaves) };
}

export function ensembleToJson(ensemble: TreeEnsemble): BoostedTrees {
  return { depth: ensemble.depth, base: ensemble.base, features: Array.from(ensemble.features), thresholds: Array.from(ensemble.thresholds), leaves: Array.from(ensemble.leaves) };
}

/** Leaf index of one tree for a dense feature row. */
export function leafOf(options: { ensemble: TreeEnsemble; tree: number; dense: ArrayLike<number> }): number {
  const { ensemble, tree, dense } = options;
  const splits = (1 << ensemble.depth) - 1;
  const offset = tree * splits;
  let node = 0;
  for (let level = 0; level < ensemble.depth; level += 1) {
    const slot = offset + node;
    node = 2 * node + (dense[ensemble.features[slot]] > ensemble.thresholds[slot] ? 2 : 1);
  }
  return node - splits;
}

export function ensembleLogit(ensemble: TreeEnsemble, dense: ArrayLike<number>): number {
  const leavesPerTree = 1 << ensemble.depth;
  let logit = ensemble.base;
  for (let tree = 0; tree < ensemble.count; tree += 1) logit += ensemble.leaves[tree * leavesPerTree + leafOf({ ensemble, tree, dense })];
  return logit;
}
