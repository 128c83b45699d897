import { setTimeout as sleep } from 'node:timers/promises';
import { describeError } from '../errors/retryable.ts';
import { FINAL_STATUSES, type BatchClient, type BatchStatus } from './batch-client.ts';
import { requestLinesText, type BatchOutputLine, type BatchRequestLine } from './batch-line.ts';
import type { BatchJournal } from './batch-journal.ts';

/** OpenAI's limits on one input file. */
export const MAX_BATCH_REQUESTS = 50_000;
export const MAX_BATCH_BYTES = 200 * 1024 * 1024;

/** What became of one request: its output line, or why it has none (a direct call then stands in). */
export type LineOutcome = { ok: true; line: BatchOutputLine } | { ok: false; reason: string };

/** A batch's status as progress shows it. */
export type BatchProgress = Omit<BatchStatus, 'outputFileId' | 'errorFileId'> & { slot: string };

interface Pending {
  line: BatchRequestLine;
  bytes: number;
  signal?: AbortSignal;
  settle(outcome: LineOutcome): void;
}

export interface BatchCollectorOptions {
  client: BatchClient;
  journal: BatchJournal;
  /** The role slot whose requests these are (`judges[1]`): one model per batch, as OpenAI requires. */
  slot: string;
  onProgress?: (progress: BatchProgress) => void;
  /** How long no new request must come before the requests so far go as a batch. */
  quietMs?: number;
  /** First wait between polls; it doubles up to `maxPollMs`. */
  pollMs?: number;
  maxPollMs?: number;
  maxRequests?: number;
  maxBytes?: number;
}

/**
 * Collects the requests a stage makes of one role and sends them as Batch API jobs: once no new
 * request has come for a short quiet window (the stage has issued all it will until some answers
 * are back), the requests so far go as one batch, split at 50,000 requests or 200 MB. Each batch is
 * journalled before it is polled; a request whose id a journalled batch holds waits for that batch
 * instead of being sent again. Every request gets an outcome: its line, or the reason it has none.
 */
export class BatchCollector {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private journalled: Promise<Map<string, string>> | null = null;
  private readonly followed = new Map<string, Promise<Map<string, LineOutcome> | null>>();
  /** What progress last showed of each batch, so it shows only changes. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly options: BatchCollectorOptions) {}

  request(line: BatchRequestLine, signal?: AbortSignal): Promise<LineOutcome> {
    return new Promise<LineOutcome>((settle) => {
      this.pending.push({ line, bytes: Buffer.byteLength(JSON.stringify(line)) + 1, signal, settle });
      if (this.timer) clearTimeout(this.timer);
      if (this.pending.length >= (this.options.maxRequests ?? MAX_BATCH_REQUESTS)) this.flushSoon(0);
      else this.flushSoon(this.options.quietMs ?? 50);
    });
  }

  private flushSoon(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const taken = this.pending;
      this.pending = [];
      void this.flush(taken);
    }, ms);
  }

  private async flush(everything: Pending[]): Promise<void> {
    // A request stopped while it waited (Ctrl-C, a worker's shutdown) is not sent: its caller has gone.
    for (const pending of everything) if (pending.signal?.aborted) pending.settle({ ok: false, reason: 'stopped before its batch was sent' });
    const taken = everything.filter((pending) => !pending.signal?.aborted);
    if (taken.length === 0) return;
    const journalled = await this.journalledIds();
    // Requests an earlier, stopped run already sent wait for its batch; a batch the endpoint no longer knows is sent again.
    const byBatch = new Map<string, Pending[]>();
    const fresh: Pending[] = [];
    for (const pending of taken) {
      const batchId = journalled.get(pending.line.custom_id);
      if (batchId) byBatch.set(batchId, [...(byBatch.get(batchId) ?? []), pending]);
      else fresh.push(pending);
    }
    await Promise.all([
      ...[...byBatch.entries()].map(async ([batchId, group]) => {
        const outcomes = await this.follow(batchId, group[0]?.signal).catch(() => null);
        if (outcomes) settleAll(group, outcomes, batchId);
        else await Promise.all(chunks(group, this.options).map((chunk) => this.send(chunk)));
      }),
      ...chunks(fresh, this.options).map((chunk) => this.send(chunk)),
    ]);
  }

  private async send(chunk: Pending[]): Promise<void> {
    const signal = chunk[0]?.signal;
    let batchId: string;
    try {
      const started = await this.options.client.submit(requestLinesText(chunk.map((pending) => pending.line)), signal);
      batchId = started.id;
      await this.options.journal.record({ slot: this.options.slot, batchId, customIds: chunk.map((pending) => pending.line.custom_id) });
      this.report(started);
    } catch (error) {
      for (const pending of chunk) pending.settle({ ok: false, reason: `the batch could not be sent: ${describeError(error)}` });
      return;
    }
    try {
      const outcomes = await this.follow(batchId, signal);
      if (outcomes) settleAll(chunk, outcomes, batchId);
      else for (const pending of chunk) pending.settle({ ok: false, reason: `batch ${batchId} is no longer known to the endpoint` });
    } catch (error) {
      for (const pending of chunk) pending.settle({ ok: false, reason: `batch ${batchId} could not be read: ${describeError(error)}` });
    }
  }

  /** Polls a batch until it is final and reads its files, once per batch; null when the endpoint does not know it. */
  private follow(batchId: string, signal?: AbortSignal): Promise<Map<string, LineOutcome> | null> {
    let followed = this.followed.get(batchId);
    if (!followed) {
      followed = this.poll(batchId, signal);
      this.followed.set(batchId, followed);
      followed.catch(() => this.followed.delete(batchId));
    }
    return followed;
  }

  private async poll(batchId: string, signal?: AbortSignal): Promise<Map<string, LineOutcome> | null> {
    const { client } = this.options;
    let wait = this.options.pollMs ?? 50;
    for (;;) {
      const status = await client.retrieve(batchId, signal);
      if (!status) return null;
      this.report(status);
      if (FINAL_STATUSES.has(status.status)) return this.read(status, signal);
      await sleep(wait, undefined, { signal });
      wait = Math.min(wait * 2, this.options.maxPollMs ?? 30_000);
    }
  }

  private async read(status: BatchStatus, signal?: AbortSignal): Promise<Map<string, LineOutcome>> {
    const outcomes = new Map<string, LineOutcome>();
    const output = status.outputFileId ? await this.options.client.lines(status.outputFileId, signal) : [];
    const errors = status.errorFileId ? await this.options.client.lines(status.errorFileId, signal) : [];
    for (const line of errors) outcomes.set(line.custom_id, { ok: false, reason: `batch ${status.id} failed this request: ${lineError(line)}` });
    for (const line of output) {
      const ok = line.response?.status_code === 200;
      outcomes.set(line.custom_id, ok ? { ok: true, line } : { ok: false, reason: `batch ${status.id} answered this request ${line.response?.status_code ?? 'nothing'}: ${lineError(line)}` });
    }
    return outcomes;
  }

  private report(status: BatchStatus): void {
    const text = `${status.status} ${status.total} ${status.completed} ${status.failed}`;
    if (this.shown.get(status.id) === text) return;
    this.shown.set(status.id, text);
    const { outputFileId: _output, errorFileId: _error, ...shown } = status;
    this.options.onProgress?.({ ...shown, slot: this.options.slot });
  }

  private journalledIds(): Promise<Map<string, string>> {
    this.journalled ??= this.options.journal.load().then((batches) => {
      const ids = new Map<string, string>();
      for (const batch of batches) if (batch.slot === this.options.slot) for (const id of batch.customIds) ids.set(id, batch.batchId);
      return ids;
    });
    return this.journalled;
  }
}

function settleAll(group: Pending[], outcomes: Map<string, LineOutcome>, batchId: string): void {
  for (const pending of group) pending.settle(outcomes.get(pending.line.custom_id) ?? { ok: false, reason: `batch ${batchId} ended without an answer for this request (expired or cancelled)` });
}

function lineError(line: BatchOutputLine): string {
  const body = line.response?.body as { error?: { message?: string } } | undefined;
  return line.error?.message ?? body?.error?.message ?? 'no reason given';
}

/** Requests in input files within the request and size limits, in the order they came. */
export function chunks<T extends { bytes: number }>(pending: T[], limits: { maxRequests?: number; maxBytes?: number }): T[][] {
  const maxRequests = limits.maxRequests ?? MAX_BATCH_REQUESTS;
  const maxBytes = limits.maxBytes ?? MAX_BATCH_BYTES;
  const found: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of pending) {
    if (current.length > 0 && (current.length >= maxRequests || bytes + item.bytes > maxBytes)) {
      found.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.bytes;
  }
  if (current.length > 0) found.push(current);
  return found;
}
