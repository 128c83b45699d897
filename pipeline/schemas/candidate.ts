import { z } from 'zod';
import { Category } from './category.ts';
import { Seed } from './seed.ts';
import { FIRST_ROUND_LINEAGE, Lineage } from './evolve.ts';

/** The English rewrite a translated prompt was made from: its id, and its text (the English row may be a duplicate, or English not a language of the run). */
export const TranslatedFrom = z.object({ id: z.string(), prompt: z.string() });

/** A generated prompt, before judging. Its id is a hash of the normalised prompt. */
export const Candidate = z.object({
  id: z.string(),
  prompt: z.string(),
  /** The BCP 47 code the generator was asked to write in; absent on candidates of earlier versions, which were English. */
  language: z.string().optional(),
  /** In translate mode, the English rewrite this candidate translates; absent on rewrites written in their own language. */
  translated_from: TranslatedFrom.optional(),
  seed: Seed.pick({ id: true, concept: true, category: true }),
  pattern: z.string().nullable().describe('The false-refusal pattern the generator says it used.'),
  generator: z.object({ model: z.string(), template: z.string() }),
  /** Absent on first-round candidates, which are round 0 with no parent. */
  lineage: Lineage.optional(),
});
export type Candidate = z.infer<typeof Candidate>;

export const Label = z.enum(['benign', 'controversial', 'harmful']);
export type Label = z.infer<typeof Label>;

export const JudgeVote = z.object({
  model: z.string(),
  verdict: Label,
  category: Category.nullable(),
  rationale: z.string(),
});
export type JudgeVote = z.infer<typeof JudgeVote>;

/**
 * The judges' own view of a prompt's category: the one most of them named, ties to the
 * seed's; null when none named one (every judge found it benign). Kept apart from
 * `category`, which is always the seed's, so per-category figures count every prompt
 * under the category it was made for.
 */
export const JudgedCategory = Category.nullable().describe("The category most judges named (ties to the seed's); null when no judge named one.");

/** A candidate after the judge ensemble voted on it. */
export const JudgedCandidate = Candidate.extend({
  label: Label,
  category: Category.describe("The seed's category."),
  judged_category: JudgedCategory,
  votes: z.array(JudgeVote),
});
export type JudgedCandidate = z.infer<typeof JudgedCandidate>;

export const ProbeDecider = z.enum(['classifier', 'judge']);

export const ProbeSample = z.object({
  refusal: z.boolean(),
  label3: z.enum(['full_compliance', 'full_refusal', 'partial_refusal']),
  confidence: z.number(),
  decided_by: ProbeDecider,
});
export type ProbeSample = z.infer<typeof ProbeSample>;

export const ProbeResult = z.object({
  model: z.string(),
  samples: z.number().int(),
  refusals: z.number().int(),
  refusal_rate: z.number(),
  decided_by: z.object({ classifier: z.number().int(), judge: z.number().int() }),
});
export type ProbeResult = z.infer<typeof ProbeResult>;

/** A judged and probed candidate: one row of a dataset file. */
export const DatasetRecord = z.object({
  id: z.string(),
  prompt: z.string(),
  // Datasets written before the field existed were all English.
  language: z.string().optional().describe('BCP 47 code of the language the prompt is written in.'),
  translated_from: TranslatedFrom.optional().describe('In translate mode (generate.languageMode), the English rewrite this prompt translates.'),
  category: Category.describe("The seed's category, on every row of every config."),
  // Datasets written before the field existed read as null.
  judged_category: JudgedCategory.default(null),
  label: Label,
  hard: z.boolean(),
  seed: Seed.pick({ id: true, concept: true, category: true }),
  pattern: z.string().nullable(),
  generator: z.object({ model: z.string(), template: z.string() }),
  votes: z.array(JudgeVote),
  probes: z.array(ProbeResult),
  /** Written on every row; absent in datasets of earlier versions, whose rows are all first-round prompts (see lineageOf). */
  lineage: Lineage.optional(),
});
export type DatasetRecord = z.infer<typeof DatasetRecord>;

export const Stage = z.enum(['load', 'expand', 'generate', 'dedupe', 'judge', 'probe', 'export', 'evolve']);
export type Stage = z.infer<typeof Stage>;

/** Why a seed or candidate is not in the dataset, or (kind `concepts`) why seed expansion wrote fewer seeds than asked. */
export const Failure = z.object({
  stage: Stage,
  kind: z.enum(['seed', 'candidate', 'concepts']),
  id: z.string(),
  /** Null for `concepts`, which belong to no seed. */
  seed_id: z.string().nullable(),
  /** The category of a `concepts` failure. */
  category: Category.optional(),
  prompt: z.string().nullable(),
  reason: z.string(),
});
export type Failure = z.infer<typeof Failure>;

/** A candidate removed as a duplicate of a kept one. */
export const DuplicateRecord = z.object({
  removed_id: z.string(),
  seed_id: z.string().describe('Seed of the removed candidate.'),
  kept_id: z.string(),
  similarity: z.number(),
  kind: z.enum(['exact', 'near']),
  against: z.string().nullable().describe('Where the kept prompt came from when it is not in this run (an earlier version or a named dataset).'),
});
export type DuplicateRecord = z.infer<typeof DuplicateRecord>;

/** A row's or candidate's lineage, round 0 with no parent when it has none recorded. */
export function lineageOf(item: { lineage?: Lineage }): Lineage {
  return item.lineage ?? FIRST_ROUND_LINEAGE;
}
