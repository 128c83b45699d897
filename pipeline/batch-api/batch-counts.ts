import { RoleTally, tallyFigures, type Tally, type TallyFigures } from '../models/role-tally.ts';

/** Where a batching role counts what became of its requests: in memory in-process, in Redis for a queued run. */
export interface BatchCounter {
  /** A request answered from a batch's output file. */
  batched(role: string): void;
  /** A request the batch did not answer (its line failed, the batch expired or could not be sent), made as a direct call instead. */
  direct(role: string): void;
}

const KINDS = ['batched', 'direct'] as const;
export type BatchFigures = TallyFigures<(typeof KINDS)[number]>;

/** Requests answered by batches and made directly instead, per role (usage label), for the manifest's `extra.batch`. */
export class BatchCounts implements BatchCounter {
  private readonly tally = new RoleTally(KINDS);

  batched(role: string): void {
    this.tally.add(role, 'batched');
  }

  direct(role: string): void {
    this.tally.add(role, 'direct');
  }

  figures(): BatchFigures {
    return this.tally.figures();
  }
}

/** The totals and the per-role figures, roles in name order. */
export function batchFigures(byRole: Record<string, Tally<(typeof KINDS)[number]>>): BatchFigures {
  return tallyFigures(KINDS, byRole);
}
