import { isItemError } from '../errors/retryable.ts';
import type { Settled } from '../models/stage-context.ts';
import type { Stage } from '../schemas/candidate.ts';
import type { RunEventListener } from './run-events.ts';

export type { Settled };

/**
 * Runs `work` on every item at once (the endpoint gates bound what reaches a model)
 * and reports progress. An item a model failed on is returned as failed, never
 * dropped; an abort, or an error that is not about one item (a bug, a broken
 * artifact), stops the whole map rather than failing every item alike.
 */
export async function mapWithProgress<T, R>(options: {
  stage: Stage;
  items: T[];
  work: (item: T) => Promise<R>;
  onEvent?: RunEventListener;
  signal?: AbortSignal;
}): Promise<Settled<T, R>[]> {
  const { stage, items, work, onEvent, signal } = options;
  const started = Date.now();
  let done = 0;
  onEvent?.({ type: 'stage-start', stage, total: items.length });
  const results = await Promise.all(
    items.map(async (item): Promise<Settled<T, R>> => {
      let result: Settled<T, R>;
      try {
        result = { item, ok: true, value: await work(item) };
      } catch (error) {
        result = { item, ok: false, error };
      }
      done += 1;
      onEvent?.({ type: 'progress', stage, done, total: items.length });
      return result;
    }),
  );
  signal?.throwIfAborted();
  const fault = results.find((result) => !result.ok && !isItemError(result.error));
  if (fault && !fault.ok) throw fault.error;
  onEvent?.({ type: 'stage-end', stage, ms: Date.now() - started });
  return results;
}
