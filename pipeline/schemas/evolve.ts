import { z } from 'zod';

/**
 * The mutation operators a round may use, by name. Each is a prompt template of its own
 * (pipeline/evolution/operators.ts) with its own version; the names are what configs,
 * records and manifests carry.
 */
export const OPERATOR_NAMES = [
  'sensitive-word',
  'homonym-swap',
  'safe-context',
  'safe-target',
  'domain-shift',
  'tense-shift',
  'shorten',
  'expand',
  'crossover',
] as const;
export const OperatorName = z.enum(OPERATOR_NAMES);
export type OperatorName = z.infer<typeof OperatorName>;

/** Search rounds after the first probe: parents are mutated into children, which go through dedupe, judges and probe again. */
export const EvolveConfig = z
  .object({
    rounds: z.number().int().min(0).max(20).default(0).describe('Search rounds after the first probe; 0 keeps the one-shot pipeline.'),
    parentsPerRound: z.number().int().min(1).max(10_000).default(100).describe('Parents mutated per round: benign or controversial prompts the targets did not refuse, highest refusal rate first.'),
    childrenPerParent: z.number().int().min(1).max(20).default(3).describe('Children asked of the generator per parent; each child gets an operator from the bandit.'),
    maxParentsPerSeed: z.number().int().min(1).max(1_000).default(2).describe('At most this many parents of one seed per round, so one lineage cannot take over.'),
    operators: z.array(OperatorName).min(1).default([...OPERATOR_NAMES]).describe('Mutation operators the bandit chooses from.'),
    screen: z
      .object({
        samples: z.number().int().min(1).max(20).default(1).describe('Short samples per target that screen a child before its full probe.'),
        maxTokens: z.number().int().min(1).max(4_096).default(48).describe('max_tokens of a screening sample: enough for the refusal classifier to see a refusal opening.'),
      })
      .strict()
      .prefault({}),
    predictor: z.boolean().default(true).describe("Order each round's children by per-target refusal predictors fitted on the run's probe results, most likely hard first, before any is probed; it never labels a child. Its held-out accuracy goes in the manifest and card."),
    probesPerRound: z.number().int().min(1).max(1_000_000).nullable().default(null).describe("At most this many children per round go to the targets (screen, then full probe), the first in the round's order; the rest go to failures.jsonl unprobed. null probes them all."),
  })
  .strict();
export type EvolveConfig = z.infer<typeof EvolveConfig>;

/** Where a prompt came from: the first generation (round 0, no parent) or a mutation of a parent in a search round. */
export const Lineage = z.object({
  round: z.number().int().min(0),
  parent_id: z.string().nullable(),
  operator: OperatorName.nullable(),
});
export type Lineage = z.infer<typeof Lineage>;

export const FIRST_ROUND_LINEAGE: Lineage = Object.freeze({ round: 0, parent_id: null, operator: null });
