import { z } from 'zod';
import { Config } from '../pipeline/schemas/config.ts';
import { Seed } from '../pipeline/schemas/seed.ts';

export const AgainstSource = z.object({
  source: z.string().describe('Name the duplicates report gives the earlier data (a file path or a dataset version).'),
  items: z.array(z.object({ id: z.string(), prompt: z.string() })),
});
export type AgainstSource = z.infer<typeof AgainstSource>;

/** Where a scheduled refresh writes: a new version folder, and what earlier versions held. */
export const RefreshTarget = z.object({
  schedule: z.string().describe('Name of the schedule that started the run.'),
  version: z.string().describe('Version folder name, e.g. v0003.'),
  previous: z.string().nullable().describe('Latest earlier version, which changes are reported against.'),
  selectedSeeds: z.array(Seed).describe('Every seed the config selects now; the run itself generates only those no earlier version covered.'),
});
export type RefreshTarget = z.infer<typeof RefreshTarget>;
export type RefreshRequest = Omit<RefreshTarget, 'selectedSeeds'>;

/**
 * Everything a worker on any machine needs to do its part of a run: the config,
 * the seeds and the earlier data already read by the submitter, so workers need
 * no access to the submitter's files.
 */
export const RunSpec = z.object({
  runId: z.string().regex(/^[a-z][A-Za-z0-9_-]*$/),
  createdAt: z.number().int(),
  config: Config,
  seeds: z.array(Seed),
  against: z.array(AgainstSource),
  /** Folder the dataset folder goes in, as the workers see it. */
  outputDir: z.string(),
  simulated: z.boolean(),
  simulatedRoles: z.array(z.string()).optional().describe('The roles a simulator answers, built-in or standalone `scarecrow sim`, as the submitter found them; those with no baseURL when absent.'),
  refresh: RefreshTarget.nullable().default(null),
});
export type RunSpec = z.infer<typeof RunSpec>;

/** Attempts per job besides the first, for Redis blips while storing results; model calls count their own attempts. */
export const STORE_ATTEMPTS = 3;
