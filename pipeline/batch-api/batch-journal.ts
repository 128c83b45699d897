import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** A batch sent to an endpoint: which role sent it and the requests in it, by custom_id. */
export const SubmittedBatch = z.object({ slot: z.string(), batchId: z.string(), customIds: z.array(z.string()) });
export type SubmittedBatch = z.infer<typeof SubmittedBatch>;

/**
 * Where the batches a run has sent are written down as soon as they are made, so a run that
 * stops (Ctrl-C, a crash, a dead worker) and is started again polls the same batches instead of
 * paying for their requests twice. A custom_id is a hash of its request, so a batch found here
 * answers exactly the requests that carry its ids, whichever run asks them.
 */
export interface BatchJournal {
  load(): Promise<SubmittedBatch[]>;
  record(batch: SubmittedBatch): Promise<void>;
}

/** An in-process run's batches (or an evaluation's), one JSON line each, beside its journal; deleted once it has finished. */
export class FileBatchJournal implements BatchJournal {
  constructor(readonly file: string) {}

  async load(): Promise<SubmittedBatch[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    return text.split('\n').flatMap((line) => {
      // The last line of a run killed mid-write is skipped: that batch's requests are simply sent again.
      try {
        const parsed = SubmittedBatch.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }

  async record(batch: SubmittedBatch): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, JSON.stringify(batch) + '\n');
  }

  async discard(): Promise<void> {
    await rm(this.file, { force: true });
  }
}

/** A journal kept in memory only: nothing to resume from. */
export class MemoryBatchJournal implements BatchJournal {
  private readonly batches: SubmittedBatch[] = [];

  async load(): Promise<SubmittedBatch[]> {
    return [...this.batches];
  }

  async record(batch: SubmittedBatch): Promise<void> {
    this.batches.push(batch);
  }
}
