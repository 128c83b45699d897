import { z } from 'zod';

/** What a finished run leaves in Redis for `status` and the waiting submitter. */
export const RunSummary = z.object({
  dir: z.string(),
  sizes: z.object({ all: z.number(), hard: z.number(), toxic: z.number() }),
  counts: z.record(z.string(), z.number()),
  simulated: z.boolean(),
  seconds: z.number(),
});
export type RunSummary = z.infer<typeof RunSummary>;
