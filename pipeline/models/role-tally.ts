/** Counts of a few outcomes (cache hits and misses, batched and direct requests), per role. */
export type Tally<K extends string> = Record<K, number>;

/** The totals and the per-role counts, roles in name order: the shape of the manifest's `extra.cache` and `extra.batch`. */
export type TallyFigures<K extends string> = Tally<K> & { by_role: Record<string, Tally<K>> };

/** Per-role counts of the outcomes `kinds`, in memory. */
export class RoleTally<K extends string> {
  private readonly roles = new Map<string, Tally<K>>();

  constructor(private readonly kinds: readonly K[]) {}

  add(role: string, kind: K): void {
    let entry = this.roles.get(role);
    if (!entry) this.roles.set(role, (entry = Object.fromEntries(this.kinds.map((name) => [name, 0])) as Tally<K>));
    entry[kind] += 1;
  }

  figures(): TallyFigures<K> {
    return tallyFigures(this.kinds, Object.fromEntries(this.roles));
  }
}

/** The totals of per-role counts, and the roles in name order. */
export function tallyFigures<K extends string>(kinds: readonly K[], byRole: Record<string, Tally<K>>): TallyFigures<K> {
  const sorted = Object.entries(byRole).sort(([a], [b]) => a.localeCompare(b));
  const totals = Object.fromEntries(kinds.map((kind) => [kind, sorted.reduce((sum, [, role]) => sum + role[kind], 0)])) as Tally<K>;
  return { ...totals, by_role: Object.fromEntries(sorted.map(([role, counts]) => [role, { ...counts }])) };
}
