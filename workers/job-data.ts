import { z } from 'zod';
import { Candidate, JudgedCandidate } from '../pipeline/schemas/candidate.ts';
import { Seed } from '../pipeline/schemas/seed.ts';

const RunId = z.string().regex(/^[a-z][A-Za-z0-9_-]*$/, 'a run id');

/** Job payloads, parsed when dequeued: a malformed one fails its job, never the worker. */
export const GenerateJobData = z.object({ runId: RunId, seed: Seed });
export const DedupeJobData = z.object({ runId: RunId });
export const JudgeJobData = z.object({ runId: RunId, candidate: Candidate });
export const ProbeJobData = z.object({ runId: RunId, candidate: JudgedCandidate });
export const ExportJobData = z.object({ runId: RunId });
export const RefreshJobData = z.object({
  schedule: z.string().min(1),
  /** Config file, read again at each refresh so edits and new seeds are picked up; null for the embedded defaults. */
  configFile: z.string().nullable(),
  /** Folder the versioned dataset folder goes in. */
  outputDir: z.string(),
});

export type GenerateJobData = z.infer<typeof GenerateJobData>;
export type JudgeJobData = z.infer<typeof JudgeJobData>;
export type ProbeJobData = z.infer<typeof ProbeJobData>;
export type RefreshJobData = z.infer<typeof RefreshJobData>;
