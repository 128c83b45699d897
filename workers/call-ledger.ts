import type { Redis } from 'ioredis';
import { z } from 'zod';
import { isRetryableError } from '../pipeline/errors/retryable.ts';
import { AttemptEndedError } from './attempt-ended-error.ts';
import type { ItemStage } from './queue-names.ts';
import { RESULT_TTL_MS } from './result-ttl.ts';
import { runKeys } from './run-keys.ts';

const CallRecord = z.object({
  failed: z.number().int().min(0).describe('Attempts of the call that failed so far.'),
  answer: z
    .object({
      text: z.string().optional(),
      object: z.unknown().optional(),
      usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }),
      cached: z.boolean().optional().describe('The response cache gave this answer: it was not paid for.'),
    })
    .optional()
    .describe('What the endpoint answered, once an attempt succeeded.'),
});
export type CallRecord = z.infer<typeof CallRecord>;
export type CallAnswer = NonNullable<CallRecord['answer']>;

const StoredLedger = z.record(z.string(), CallRecord);

export interface CallFailure {
  error: unknown;
  /** The attempt that failed, counting from 1. */
  attempt: number;
}

/**
 * Hash of one stage's call ledgers in a run: item id -> its model calls so far. A field
 * lives only while its item has a failure to resume from: it is written when a job is
 * about to be tried again and deleted with the write that records the item's result.
 */
export function callLedgerKey(options: { prefix: string; runId: string; stage: ItemStage }): string {
  return `${runKeys(options.prefix, options.runId).run}:${options.stage}-calls`;
}

/**
 * One item's model calls, each under a content hash: how many attempts failed and, once
 * one succeeded, the answer. A retried job replays answered calls and gives a failed call
 * its next attempt, so every call has its own role's `maxAttempts`, as in-process, however
 * many calls a job makes and whichever worker takes it up. It holds answers and counts,
 * never errors (which could quote a request) or keys.
 */
export class CallLedger {
  private readonly pending = new Set<Promise<unknown>>();
  private changed = false;
  private firstExhausted: { error: unknown } | null = null;
  private firstRetryable: CallFailure | null = null;
  private ended = false;

  private constructor(
    private readonly location: { redis: Redis; key: string; itemId: string },
    private readonly records: Map<string, CallRecord>,
  ) {}

  /** Reads the item's ledger only when `resume` says the job ran before, so a first attempt costs no round trip. */
  static async open(options: { redis: Redis; key: string; itemId: string; resume: boolean }): Promise<CallLedger> {
    const { redis, key, itemId } = options;
    const text = options.resume ? await redis.hget(key, itemId) : null;
    const parsed = text === null ? null : StoredLedger.safeParse(safeJson(text));
    // A ledger that does not parse is dropped: its calls are simply made again.
    return new CallLedger({ redis, key, itemId }, new Map(parsed?.success ? Object.entries(parsed.data) : []));
  }

  /**
   * The record of one call, created empty at its first attempt. Once the attempt has ended
   * (`settled`), no call is admitted: it throws AttemptEndedError before anything is sent.
   */
  record(callKey: string): CallRecord {
    if (this.ended) throw new AttemptEndedError();
    let record = this.records.get(callKey);
    if (!record) this.records.set(callKey, (record = { failed: 0 }));
    return record;
  }

  answered(record: CallRecord, answer: CallAnswer): void {
    record.answer = answer;
    this.changed = true;
  }

  failed(record: CallRecord, failure: CallFailure & { maxAttempts: number }): void {
    record.failed = failure.attempt;
    this.changed = true;
    if (!isRetryableError(failure.error) || failure.attempt >= failure.maxAttempts) this.firstExhausted ??= { error: failure.error };
    else this.firstRetryable ??= { error: failure.error, attempt: failure.attempt };
  }

  /** The first call that failed for good (out of attempts, or an error no retry can fix), if any. */
  get exhausted(): { error: unknown } | null {
    return this.firstExhausted;
  }

  /** The first failed call that has attempts left, if any. */
  get retryable(): CallFailure | null {
    return this.firstRetryable;
  }

  /** Keeps count of a call in flight, so a failing job can wait for its other calls' answers before it is retried. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    const done = () => this.pending.delete(promise);
    promise.then(done, done);
    return promise;
  }

  /**
   * Waits until no call is in flight, including calls that start once others finish (a refusal
   * judge after its target), then ends the attempt: a call started later is refused unmade. The
   * wait alone cannot see every such call: one whose start waits on more than promises (the
   * first refusal-judge prompt of a worker process loads its template) began after the ledger
   * was saved, so its answer was lost and the next attempt asked again, one request more than
   * in-process. The check and the end are in one turn, so no call slips between them.
   */
  async settled(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.allSettled([...this.pending]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.ended = true;
  }

  /** Stores the ledger for the job's next attempt: one write, only when something changed. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const { redis, key, itemId } = this.location;
    await redis.multi().hset(key, itemId, JSON.stringify(Object.fromEntries(this.records))).pexpire(key, RESULT_TTL_MS).exec();
    this.changed = false;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
