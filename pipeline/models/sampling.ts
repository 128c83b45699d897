/**
 * The temperature each role is called at when its config sets none. They live here, below
 * the stages, so the stages that call the models and prompts.md, which tells readers how
 * they were called, read the same numbers.
 */

/** Varied rewrites need some sampling spread. */
export const GENERATOR_TEMPERATURE = 0.9;

/** A verdict should not be a dice roll. */
export const JUDGE_TEMPERATURE = 0;

/** Targets are sampled as users meet them, with some spread, so k samples differ. */
export const TARGET_TEMPERATURE = 0.7;

/** The refusal judge decides, like the harm judges, without sampling spread. */
export const REFUSAL_JUDGE_TEMPERATURE = 0;
