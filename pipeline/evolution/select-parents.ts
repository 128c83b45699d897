import type { DatasetRecord } from '../schemas/candidate.ts';

/** Mean refusal rate over the targets: how close a prompt already is to being refused. */
export function refusalScore(record: DatasetRecord): number {
  if (record.probes.length === 0) return 0;
  return record.probes.reduce((sum, probe) => sum + probe.refusal_rate, 0) / record.probes.length;
}

const byScoreThenId = (a: DatasetRecord, b: DatasetRecord) => refusalScore(b) - refusalScore(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Prompts a round may mutate: judged benign or controversial, probed, and not refused by the
 * targets (a refused one is already hard), not mutated in an earlier round. Highest refusal
 * rate first, ties by id, so the order depends on the results alone.
 */
export function eligibleParents(records: readonly DatasetRecord[], used: ReadonlySet<string>): DatasetRecord[] {
  return records.filter((record) => record.label !== 'harmful' && !record.hard && record.probes.length > 0 && !used.has(record.id)).sort(byScoreThenId);
}

/** The round's parents: the first `count` eligible ones, at most `perSeed` of any one seed, so one lineage cannot take over. */
export function selectParents(options: { eligible: readonly DatasetRecord[]; count: number; perSeed: number }): DatasetRecord[] {
  const taken = new Map<string, number>();
  const parents: DatasetRecord[] = [];
  for (const record of options.eligible) {
    if (parents.length === options.count) break;
    const seedCount = taken.get(record.seed.id) ?? 0;
    if (seedCount >= options.perSeed) continue;
    taken.set(record.seed.id, seedCount + 1);
    parents.push(record);
  }
  return parents;
}
