import { DelayedError, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { isModelCallError } from '../pipeline/errors/model-call-error.ts';
import { describeError } from '../pipeline/errors/retryable.ts';
import type { RoleModels } from '../pipeline/models/create-models.ts';
import { backoff, RETRY_BACKOFF } from '../pipeline/models/managed-model.ts';
import { UsageMeter } from '../pipeline/models/usage-meter.ts';
import type { Config } from '../pipeline/schemas/config.ts';
import type { StageContext } from '../pipeline/models/stage-context.ts';
import { CallLedger } from './call-ledger.ts';
import type { QueueStage } from './queue-names.ts';
import type { JobEnvironment } from './job-environment.ts';
import { jobModels } from './job-models.ts';
import { errorShape, type StoredResult } from './stored-result.ts';

/** Used when a 429 carries no Retry-After. */
const DEFAULT_RATE_LIMIT_MS = 1000;

/**
 * Runs one stage function for one job and decides what its outcome means to BullMQ. Each
 * model call has its own attempts, kept in the item's call ledger, exactly as in-process:
 * - a call that failed with attempts left puts the job back, its ledger saved, so the next
 *   run of the job replays the answered calls and tries only the failed one again: after the
 *   in-process backoff (moved to delayed, which uses no BullMQ attempt), or for a 429 after
 *   its Retry-After, with the stage's queue paused for every worker meanwhile;
 * - anything else (success, a call out of attempts, an error no retry can fix) becomes a
 *   result to store, so an item that fails for good is recorded as a failure, never lost.
 * A shutdown whose grace period ran out hands the job back to the queue.
 */
export async function runModelStage<R>(options: {
  job: Job;
  token: string | undefined;
  env: JobEnvironment;
  stage: QueueStage;
  config: Config;
  models: RoleModels;
  /** The hash and field of the item's call ledger. */
  ledger: { key: string; itemId: string };
  work: (context: StageContext) => Promise<R>;
}): Promise<StoredResult<R>> {
  const { job, token, env, config } = options;
  const meter = new UsageMeter();
  const startedAt = Date.now();
  // A job that was never active before has nothing to resume: no read on the path without faults.
  const ledger = await CallLedger.open({ redis: env.redis, ...options.ledger, resume: job.attemptsStarted > 1 });
  try {
    const value = await options.work({ config, models: jobModels(options.models, { config, meter, ledger }), signal: env.shutdown });
    return { ok: true, value, usage: meter.snapshot(), startedAt, endedAt: Date.now() };
  } catch (error) {
    // Calls still in flight may yet answer (or fail for good): their outcome belongs in the ledger.
    await ledger.settled();
    if (env.shutdown.aborted) {
      await ledger.save();
      await job.moveToWait(token);
      throw new WaitingError();
    }
    const retry = ledger.exhausted ? null : ledger.retryable;
    if (retry) {
      await ledger.save();
      if (isModelCallError(retry.error) && retry.error.statusCode === 429) {
        const ms = retry.error.retryAfterMs ?? DEFAULT_RATE_LIMIT_MS;
        await env.gate.pause({ endpoint: retry.error.endpoint, ms });
        await env.queues.get(options.stage).rateLimit(ms);
        throw Worker.RateLimitError();
      }
      await job.moveToDelayed(Date.now() + backoff(RETRY_BACKOFF, retry.attempt), token);
      throw new DelayedError();
    }
    return { ok: false, error: errorShape(ledger.exhausted?.error ?? error), usage: meter.snapshot(), startedAt, endedAt: Date.now() };
  }
}

/** After a failure is stored, the job ends failed (visible on the dashboard) with no further attempts. */
export function failIfStoredFailure(stored: StoredResult<unknown>): void {
  if (!stored.ok) throw new UnrecoverableError(describeError(Object.assign(new Error(stored.error.message), { name: stored.error.name })));
}
