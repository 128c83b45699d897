/** Redis keys holding one run's spec and results, all under the queue prefix. */
export function runKeys(prefix: string, runId: string) {
  const base = `${prefix}:run:${runId}`;
  return {
    /** Hash: spec (JSON), state, counts, summary. */
    run: base,
    /** Hash: seed id -> stored generate result. */
    generated: `${base}:generated`,
    /** String: the dedupe result (JSON). */
    deduped: `${base}:deduped`,
    /** Hash: candidate id -> stored judge result. */
    judged: `${base}:judged`,
    /** Hash: candidate id -> 1, for candidates sent on to probing. */
    probeQueued: `${base}:probe-queued`,
    /** Hash: candidate id -> stored probe result. */
    probed: `${base}:probed`,
    /** Hash: candidate id -> 1 once it is a record or a failure. */
    settled: `${base}:settled`,
  };
}

export type RunKeys = ReturnType<typeof runKeys>;

/** Index of runs, newest last, so `status` can list them. */
export function runIndexKey(prefix: string): string {
  return `${prefix}:runs`;
}
