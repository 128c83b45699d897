import { setTimeout as sleep } from 'node:timers/promises';
import { isBudgetExhaustedError } from '../errors/budget-exhausted-error.ts';
import { isRetryableError, retryAfterOf } from '../errors/retryable.ts';
import type { EndpointGate } from './endpoint-gate.ts';
import { linkedSignal } from './linked-signal.ts';
import type { GenerateObjectOptions, GenerateTextOptions, LanguageModel, ModelUsage } from './language-model.ts';
import type { Pricing, UsageMeter } from './usage-meter.ts';

export interface RetryPolicy {
  /** Attempts per call, including the first. 1 when another layer (a queue) retries. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Waits between attempts of one call, in-process and in queue mode alike. */
export const RETRY_BACKOFF = { baseDelayMs: 250, maxDelayMs: 10_000 } as const;

export interface ManagedModelOptions {
  model: LanguageModel;
  gate: EndpointGate;
  retry: RetryPolicy;
  /** Where calls are counted; absent when nothing reads the counts (a queue worker counts each job's calls itself). */
  meter?: UsageMeter;
  /** The name usage is counted under, e.g. "judge:gpt-4o". */
  role: string;
  pricing?: Pricing;
}

/**
 * The one place a model call is admitted, retried and counted. Retryable errors
 * (429, 5xx, timeouts, unparsable output) are tried again with backoff; a
 * Retry-After pauses the whole endpoint for that long.
 */
export function createManagedModel(options: ManagedModelOptions): LanguageModel {
  const { model, gate, retry, meter, role, pricing } = options;

  // `first` is the attempt number of this call's first try here: 1, or further on when a queue retries the call.
  async function attempt<R extends { usage: ModelUsage }>(call: (signal: AbortSignal | undefined, attemptNumber: number) => Promise<R>, at: { parent?: AbortSignal; first?: number }): Promise<R> {
    const { signal, release } = linkedSignal(at.parent);
    try {
      return await attemptUntilDone((attemptNumber) => call(signal, (at.first ?? 1) + attemptNumber - 1), signal);
    } finally {
      release();
    }
  }

  async function attemptUntilDone<R extends { usage: ModelUsage }>(call: (attemptNumber: number) => Promise<R>, signal?: AbortSignal): Promise<R> {
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      try {
        const result = await gate.run(() => call(attemptNumber), signal);
        meter?.record(role, result.usage, pricing);
        return result;
      } catch (error) {
        // A call the budget refused was never made: no failure of the endpoint's.
        if (!isBudgetExhaustedError(error)) meter?.recordFailure(role, pricing);
        if (signal?.aborted || !isRetryableError(error) || attemptNumber >= retry.maxAttempts) throw error;
        const retryAfter = retryAfterOf(error);
        if (retryAfter !== null) gate.pauseFor(retryAfter);
        await sleep(retryAfter ?? backoff(retry, attemptNumber), undefined, { signal });
      }
    }
  }

  return {
    id: model.id,
    generateText: (call: GenerateTextOptions) => attempt((signal, attemptNumber) => model.generateText({ ...call, signal, attempt: attemptNumber }), { parent: call.signal, first: call.attempt }),
    generateObject: <T>(call: GenerateObjectOptions<T>) =>
      attempt((signal, attemptNumber) => model.generateObject({ ...call, signal, attempt: attemptNumber }), { parent: call.signal, first: call.attempt }),
  };
}

/** Exponential backoff with full jitter, capped: the wait after failed attempt `attemptNumber`. */
export function backoff(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, attemptNumber: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
