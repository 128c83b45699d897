import type { Redis } from 'ioredis';
import { SubmittedBatch, type BatchJournal } from '../pipeline/batch-api/batch-journal.ts';
import type { BatchRunOptions } from '../pipeline/batch-api/batch-models.ts';
import type { BatchProgress } from '../pipeline/batch-api/batch-collector.ts';
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
    onProgress: (progress: BatchProgress) => {
      // Progress only: a lost write shows a status late, it loses nothing.
      redis.multi().hset(keys.batchStatus, progress.id, JSON.stringify(progress)).pexpire(keys.batchStatus, RESULT_TTL_MS).exec().catch(() => {});
    },
  };
}

/** Every batch's last status a queued run's workers wrote, by batch id. */
export async function readBatchStatus(options: { redis: Redis; keys: RunKeys }): Promise<BatchProgress[]> {
  const fields = await options.redis.hgetall(options.keys.batchStatus);
  return Object.values(fields).map((text) => JSON.parse(text) as BatchProgress);
}
