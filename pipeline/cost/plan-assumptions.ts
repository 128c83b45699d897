/**
 * What a cost plan assumes where only a run can tell: shares and answer lengths measured on the
 * default run against the simulator (320 seeds), and for target answers the length a real model
 * tends to fill. The plan prints them, so its reader knows what the estimate stands on.
 */
export const PLAN_ASSUMPTIONS = {
  /** Completion tokens per rewrite the generator writes (53,793 tokens for 1,600 rewrites). */
  tokensPerRewrite: 34,
  /** Completion tokens of one new seed concept written by seed expansion. */
  tokensPerConcept: 30,
  /** Candidates removed as exact or near duplicates (86 of 1,600). */
  duplicateShare: 0.05,
  /** Candidates the judges label harmful, which are not probed (161 of 1,514). */
  harmfulShare: 0.11,
  /** Under the majority rule, candidates on which the judges past the first majority are still asked (1,226 of 1,514 for the third of three). */
  laterJudgeShare: 0.81,
  /** Completion tokens of one judge verdict (44 a call). */
  tokensPerVerdict: 44,
  /** Samples the embedded classifier is unsure of, which go to the refusal judge when there is one (25% at the default confidence). */
  unsureShare: 0.25,
  /** Completion tokens of one refusal-judge answer. */
  tokensPerRefusalVerdict: 40,
  /** Answer tokens a real target gives when no max_tokens caps it. */
  uncappedAnswerTokens: 512,
} as const;
