import { z } from 'zod';
import { RefusalBasis, RefusalStyle } from '../refusal/refusal-cue-data.ts';

/** The refused answers of one group of prompts, by style and by reason. */
export const RefusalMix = z.object({
  refusals: z.number().int().describe('Refused answers (samples), either reason.'),
  styles: z.record(RefusalStyle, z.number().int()).describe('Refused answers per style; they add up to refusals.'),
  reasons: z.object({ wont: z.number().int(), cant: z.number().int() }).describe('Refused answers per reason; they add up to refusals.'),
  bases: z.partialRecord(RefusalBasis, z.number().int()).describe('Refused answers per ground named (safety, ethics, policy, capability, knowledge, context); a "won\'t" naming none is in no ground.'),
});
export type RefusalMix = z.infer<typeof RefusalMix>;

/** Refusals of prompts a model should answer (`all`: benign and controversial) apart from those of toxic prompts. */
export const RefusalMixGroups = z.object({
  all: RefusalMix,
  toxic: RefusalMix,
});
export type RefusalMixGroups = z.infer<typeof RefusalMixGroups>;

export const RefusalMixes = z.object({
  overall: RefusalMixGroups,
  by_category: z.record(z.string(), RefusalMixGroups),
});
export type RefusalMixes = z.infer<typeof RefusalMixes>;
