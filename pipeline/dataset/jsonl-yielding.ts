import { ITEMS_PER_STEP, runYielding, type Steps } from '../diversity/cooperative.ts';

/** The same text as toJsonl, serialised in slices so a large dataset never blocks the event loop for long; stops when `signal` fires. */
export function toJsonlYielding(rows: readonly unknown[], signal?: AbortSignal): Promise<string> {
  return runYielding(jsonlSteps(rows), signal);
}

function* jsonlSteps(rows: readonly unknown[]): Steps<string> {
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(JSON.stringify(row));
    if (lines.length % ITEMS_PER_STEP === 0) yield;
  }
  return lines.join('\n') + (rows.length > 0 ? '\n' : '');
}
