/** Where a batching role counts what became of its requests: in memory in-process, in Redis for a queued run. */
export interface BatchCounter {
  /** A request answered from a batch's output file. */
  batched(role: string): void;
  /** A request the batch did not answer (its line failed, the batch expired or could not be sent), made as a direct call instead. */
  direct(role: string): void;
}

export interface BatchFigures {
  batched: number;
  direct: number;
  by_role: Record<string, { batched: number; direct: number }>;
}

/** Requests answered by batches and made directly instead, per role (usage label), for the manifest's `extra.batch`. */
export class BatchCounts implements BatchCounter {
  private readonly roles = new Map<string, { batched: number; direct: number }>();

  batched(role: string): void {
    this.entry(role).batched += 1;
  }

  direct(role: string): void {
    this.entry(role).direct += 1;
  }

  figures(): BatchFigures {
    return batchFigures(Object.fromEntries(this.roles));
  }

  private entry(role: string): { batched: number; direct: number } {
    let entry = this.roles.get(role);
    if (!entry) this.roles.set(role, (entry = { batched: 0, direct: 0 }));
    return entry;
  }
}

/** The totals and the per-role figures, roles in name order. */
export function batchFigures(byRole: Record<string, { batched: number; direct: number }>): BatchFigures {
  const sorted = Object.entries(byRole).sort(([a], [b]) => a.localeCompare(b));
  return {
    batched: sorted.reduce((sum, [, role]) => sum + role.batched, 0),
    direct: sorted.reduce((sum, [, role]) => sum + role.direct, 0),
    by_role: Object.fromEntries(sorted.map(([role, figures]) => [role, { ...figures }])),
  };
}
