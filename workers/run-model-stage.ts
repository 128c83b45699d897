import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { isModelCallError } from '../pipeline/errors/model-call-error.ts';
import { describeError, isRetryableError } from '../pipeline/errors/retryable.ts';
import type { RoleModels } from '../pipeline/models/create-models.ts';
import { UsageMeter } from '../pipeline/models/usage-meter.ts';
import type { Config } from '../pipeline/schemas/config.ts';
import type { StageContext } from '../pipeline/stages/stage-context.ts';
import type { QueueStage } from './queue-names.ts';
import type { JobEnvironment } from './job-environment.ts';
import { meteredModels } from './metered-models.ts';
import { errorShape, type StoredResult } from './stored-result.ts';

/** Used when a 429 carries no Retry-After. */
const DEFAULT_RATE_LIMIT_MS = 1000;

/**
 * Runs one stage function for one job and decides what its outcome means to BullMQ:
 * - a 429 pauses the stage's queue for every worker (and the endpoint's gate, when it has a rate
 *   limit) for the Retry-After, and puts the job back without using an attempt;
 * - a retryable error with model attempts left is rethrown, so BullMQ retries with backoff;
 * - anything else (success, a non-retryable error, the last attempt) becomes a result to store,
 *   so an item that fails for good is recorded as a failure, never lost.
 * A shutdown whose grace period ran out hands the job back to the queue.
 */
export async function runModelStage<R>(options: {
  job: Job;
  token: string | undefined;
  env: JobEnvironment;
  stage: QueueStage;
  config: Config;
  models: RoleModels;
  modelAttempts: number;
  work: (context: StageContext) => Promise<R>;
}): Promise<StoredResult<R>> {
  const { job, token, env, config } = options;
  const meter = new UsageMeter();
  const startedAt = Date.now();
  try {
    const value = await options.work({ config, models: meteredModels(options.models, { config, meter }), signal: env.shutdown });
    return { ok: true, value, usage: meter.snapshot(), startedAt, endedAt: Date.now() };
  } catch (error) {
    if (env.shutdown.aborted) {
      await job.moveToWait(token);
      throw new WaitingError();
    }
    if (isModelCallError(error) && error.statusCode === 429) {
      const ms = error.retryAfterMs ?? DEFAULT_RATE_LIMIT_MS;
      await env.gate.pause({ endpoint: error.endpoint, ms });
      await env.queues.get(options.stage).rateLimit(ms);
      throw Worker.RateLimitError();
    }
    if (isRetryableError(error) && job.attemptsMade + 1 < options.modelAttempts) throw error;
    return { ok: false, error: errorShape(error), usage: meter.snapshot(), startedAt, endedAt: Date.now() };
  }
}

/** After a failure is stored, the job ends failed (visible on the dashboard) with no further attempts. */
export function failIfStoredFailure(stored: StoredResult<unknown>): void {
  if (!stored.ok) throw new UnrecoverableError(describeError(Object.assign(new Error(stored.error.message), { name: stored.error.name })));
}
