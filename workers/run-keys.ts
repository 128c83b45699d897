import { segments, STAGES, type Segment, type StageDeclaration } from '../pipeline/stages/stage-graph.ts';

/**
 * Redis keys holding one run's spec and results, all under the queue prefix, named from the
 * stage graph: each stage's results under what it produces, and per segment (the item stages
 * before a barrier) the items that have settled in it.
 */
export function runKeys(prefix: string, runId: string) {
  const base = `${prefix}:run:${runId}`;
  return {
    /** Hash: spec (JSON), state, counts (one `items-<stage>` per segment), summary. */
    run: base,
    /** An item stage's results (hash: item id -> stored result), or a barrier's (string: its output as JSON). */
    results: (stage: { produces: string }) => `${base}:${stage.produces}`,
    /** Hash: the results of a barrier's own steps (the search rounds' items), so a retried barrier job reuses them. */
    steps: (stage: { produces: string }) => `${base}:${stage.produces}-steps`,
    /** Hash: item id -> 1, for items sent on to this (not first) stage of a segment. */
    queued: (stage: { name: string }) => `${base}:${stage.name}-queued`,
    /** Hash: item id -> 1 once the item has left its segment (a result, a record or a failure). */
    settled: (segment: Segment) => `${base}:settled-${segment.opens}`,
    /** Hash: the run's budget so far (calls, cost spent and reserved, the limit that stopped it), shared by every worker. */
    budget: `${base}:budget`,
    /** Hash: the run's response cache hits and misses per role. */
    cache: `${base}:cache-counts`,
    /** Hash: batch id -> the Batch API jobs the run's roles with `batch: true` sent, and the requests in each, so a retried job polls them again. */
    batches: `${base}:batches`,
    /** Hash: batch id -> its last status, for the progress `run --queue` shows. */
    batchStatus: `${base}:batch-status`,
    /** Hash: `batched:<role>` and `direct:<role>`, the requests batches answered and those made directly instead. */
    batchCounts: `${base}:batch-counts`,
    /** Every key of the run's results, for deleting them together. */
    all: (): string[] => [
      `${base}:budget`,
      `${base}:cache-counts`,
      `${base}:batches`,
      `${base}:batch-status`,
      `${base}:batch-counts`,
      ...(STAGES as readonly StageDeclaration[]).flatMap((stage) => (stage.kind === 'barrier' && stage.roles.length > 0 ? [`${base}:${stage.produces}`, `${base}:${stage.produces}-steps`] : [`${base}:${stage.produces}`])),
      ...segments().flatMap((segment) => [`${base}:settled-${segment.opens}`, ...segment.stages.slice(1).map((stage) => `${base}:${stage.name}-queued`)]),
    ],
  };
}

export type RunKeys = ReturnType<typeof runKeys>;

/** The field of the run's hash that holds how many items entered a segment; absent until the barrier before it (or the submission) has sent them. */
export function segmentTotalField(segment: Segment): string {
  return `items-${segment.stages[0]!.name}`;
}

/** Index of runs, newest last, so `status` can list them. */
export function runIndexKey(prefix: string): string {
  return `${prefix}:runs`;
}
