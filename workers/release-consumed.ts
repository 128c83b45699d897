import type { RunState } from '../pipeline/stages/run-state.ts';

/**
 * Lets go of the part of a run read back from Redis that no stage after `stage` reads, for the
 * export, which rebuilds the whole run in one process only to write it. Every stage's results
 * are parsed objects of their own (the dedupe barrier's kept list, each judge and probe result
 * carries its candidate whole), so without this each prompt is held once for every stage it
 * went through. What goes, and why nothing later misses it:
 * - after dedupe, the generator's candidates: they are in the kept list or the duplicates now;
 *   only their number is read again (the outcome's `generated`), so empty slots keep it;
 * - after judge, the kept list: every kept candidate is a judged one or a failure;
 * - after probe, the judged list: every judged candidate is a record (probed, or toxic since
 *   judging) or a failure.
 */
export function releaseConsumed(stage: string, state: RunState): void {
  if (stage === 'dedupe') state.candidates = new Array(state.candidates.length);
  else if (stage === 'judge') state.kept = [];
  else if (stage === 'probe') state.judged = [];
}
