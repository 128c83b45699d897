import { z } from 'zod';

/**
 * How prompts are sketched for candidate search. Stored in every saved index, because
 * band keys made with other parameters are not comparable.
 */
export const LshParameters = z.object({
  shingleSize: z.number().int().min(1).max(16).describe('Characters per shingle of the normalised prompt.'),
  bands: z.number().int().min(1).max(256).describe('LSH bands; two prompts are candidates when any band matches.'),
  rowsPerBand: z.number().int().min(1).max(16).describe('MinHash values combined into one band key.'),
  seed: z.number().int().describe('Seed of the MinHash permutations.'),
  commonShare: z.number().min(0).max(1).describe('A shingle in more than this share of prompts is too common to sketch.'),
  commonMinimumCount: z.number().int().min(1).describe('...and in more than this many prompts (keeps small sets unfiltered).'),
  minimumShingles: z.number().int().min(1).describe('Prompts with fewer informative shingles are topped up with their least common ones.'),
});
export type LshParameters = z.infer<typeof LshParameters>;

export const DEFAULT_LSH_PARAMETERS: LshParameters = {
  shingleSize: 4,
  bands: 32,
  rowsPerBand: 3,
  seed: 0x5ca4ec40,
  commonShare: 0.002,
  commonMinimumCount: 100,
  minimumShingles: 12,
};
