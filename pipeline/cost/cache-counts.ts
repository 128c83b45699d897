import { RoleTally, tallyFigures, type Tally, type TallyFigures } from '../models/role-tally.ts';

/** Where cache lookups are counted: in memory in-process, in Redis for a queued run. */
export interface CacheCounter {
  hit(role: string): void;
  miss(role: string): void;
}

const KINDS = ['hits', 'misses'] as const;
export type CacheFigures = TallyFigures<(typeof KINDS)[number]>;

/** Hits and misses per role (usage label), for the manifest's `extra.cache`. */
export class CacheCounts implements CacheCounter {
  private readonly tally = new RoleTally(KINDS);

  hit(role: string): void {
    this.tally.add(role, 'hits');
  }

  miss(role: string): void {
    this.tally.add(role, 'misses');
  }

  figures(): CacheFigures {
    return this.tally.figures();
  }
}

/** The totals and the per-role figures, roles in name order. */
export function cacheFigures(byRole: Record<string, Tally<(typeof KINDS)[number]>>): CacheFigures {
  return tallyFigures(KINDS, byRole);
}
