/** Where cache lookups are counted: in memory in-process, in Redis for a queued run. */
export interface CacheCounter {
  hit(role: string): void;
  miss(role: string): void;
}

export interface CacheFigures {
  hits: number;
  misses: number;
  by_role: Record<string, { hits: number; misses: number }>;
}

/** Hits and misses per role (usage label), for the manifest's `extra.cache`. */
export class CacheCounts implements CacheCounter {
  private readonly roles = new Map<string, { hits: number; misses: number }>();

  hit(role: string): void {
    this.entry(role).hits += 1;
  }

  miss(role: string): void {
    this.entry(role).misses += 1;
  }

  figures(): CacheFigures {
    return cacheFigures(Object.fromEntries(this.roles));
  }

  private entry(role: string): { hits: number; misses: number } {
    let entry = this.roles.get(role);
    if (!entry) this.roles.set(role, (entry = { hits: 0, misses: 0 }));
    return entry;
  }
}

/** The totals and the per-role figures, roles in name order. */
export function cacheFigures(byRole: Record<string, { hits: number; misses: number }>): CacheFigures {
  const sorted = Object.entries(byRole).sort(([a], [b]) => a.localeCompare(b));
  return {
    hits: sorted.reduce((sum, [, role]) => sum + role.hits, 0),
    misses: sorted.reduce((sum, [, role]) => sum + role.misses, 0),
    by_role: Object.fromEntries(sorted.map(([role, figures]) => [role, { ...figures }])),
  };
}
