import type { Redis } from 'ioredis';
import { SubmittedBatch, type BatchJournal } from '../pipeline/batch-api/batch-journal.ts';
import type { BatchRunOptions } from '../pipeline/batch-api/batch-models.ts';
import type { BatchProgress } from '../pipeline/batch-api/batch-collector.ts';
import { batchFigures, type BatchCounter, type BatchFigures } from '../pipeline/batch-api/batch-counts.ts';
import { RESULT_TTL_MS } from './result-ttl.ts';
import type { RunKeys } from './run-keys.ts';

/** A queued run's batches, one hash field each in Redis: a retried job (its worker died) polls the batches the first attempt sent. */
export class RedisBatchJournal implements BatchJournal {
  constructor(private readonly options: { redis: Redis; key: string }) {}

  async load(): Promise<SubmittedBatch[]> {
    const fields = await this.options.redis.hgetall(this.options.key);
    return Object.values(fields).flatMap((text) => {
      const parsed = SubmittedBatch.safeParse(JSON.parse(text));
      return parsed.success ? [parsed.data] : [];
    });
  }

  async record(batch: SubmittedBatch): Promise<void> {
    await this.options.redis.multi().hset(this.options.key, batch.batchId, JSON.stringify(batch)).pexpire(this.options.key, RESULT_TTL_MS).exec();
  }
}

/** What a queued run's jobs need to send batches: the run's journal, and each batch's status where `run --queue` reads it for its progress. */
export function queueBatchOptions(options: { redis: Redis; keys: RunKeys }): BatchRunOptions {
  const { redis, keys } = options;
  return {
    journal: new RedisBatchJournal({ redis, key: keys.batches }),
    counter: redisBatchCounter({ redis, key: keys.batchCounts }),
    onProgress: (progress: BatchProgress) => {
      // Progress only: a lost write shows a status late, it loses nothing.
      redis.multi().hset(keys.batchStatus, progress.id, JSON.stringify(progress)).pexpire(keys.batchStatus, RESULT_TTL_MS).exec().catch(() => {});
    },
  };
}

/** A queued run's batch counts, in one hash every worker adds to; a job tried again after a crash may count a request twice. */
function redisBatchCounter(options: { redis: Redis; key: string }): BatchCounter {
  // Counting must never fail a call: a lost increment costs a figure, not a result.
  const add = (field: string) => options.redis.multi().hincrby(options.key, field, 1).pexpire(options.key, RESULT_TTL_MS).exec().catch(() => {});
  return { batched: (role) => void add(`batched:${role}`), direct: (role) => void add(`direct:${role}`) };
}

/** The batch counts of a queued run, for its manifest's `extra.batch`. */
export async function readBatchCounts(options: { redis: Redis; keys: RunKeys }): Promise<BatchFigures> {
  const byRole: Record<string, { batched: number; direct: number }> = {};
  for (const [field, value] of Object.entries(await options.redis.hgetall(options.keys.batchCounts))) {
    const [kind, ...role] = field.split(':');
    const entry = (byRole[role.join(':')] ??= { batched: 0, direct: 0 });
    if (kind === 'batched') entry.batched = Number(value);
    if (kind === 'direct') entry.direct = Number(value);
  }
  return batchFigures(byRole);
}

/** Every batch's last status a queued run's workers wrote, by batch id. */
export async function readBatchStatus(options: { redis: Redis; keys: RunKeys }): Promise<BatchProgress[]> {
  const fields = await options.redis.hgetall(options.keys.batchStatus);
  return Object.values(fields).map((text) => JSON.parse(text) as BatchProgress);
}

/** The last statuses of a finished run's batches, which its export kept in the run's hash. */
export async function readFinishedBatchStatus(options: { redis: Redis; keys: RunKeys }): Promise<BatchProgress[]> {
  const text = await options.redis.hget(options.keys.run, 'batches');
  return text ? (JSON.parse(text) as BatchProgress[]) : [];
}
