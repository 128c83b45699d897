import { UnrecoverableError, type Job } from 'bullmq';
import type { z } from 'zod';

/** Parses a job's payload; a malformed one fails that job for good with the reason, and the worker carries on. */
export function parseJobData<T>(schema: z.ZodType<T>, job: Job): T {
  const parsed = schema.safeParse(job.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new UnrecoverableError(`malformed ${job.name} job ${job.id}: ${issue.path.join('.') || '(data)'}: ${issue.message}`);
}
