import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DatasetRecord } from '../../pipeline/schemas/candidate.ts';

/** What a version's manifest records about its refresh, under extra.refresh. */
export const RefreshRecord = z.object({
  schedule: z.string(),
  version: z.string(),
  previous: z.string().nullable(),
  seeds_covered: z.array(z.string()).describe('Seeds this version covers (generated now or carried over); the next refresh generates only others.'),
  added: z.number().int(),
  removed: z.number().int(),
  carried: z.number().int(),
  by_category: z.record(z.string(), z.object({ added: z.number().int(), removed: z.number().int(), carried: z.number().int() })),
});
export type RefreshRecord = z.infer<typeof RefreshRecord>;

/** The seeds an earlier version covered: from its refresh record, or from its rows for a version made otherwise. */
export async function coveredSeeds(versionDir: string): Promise<Set<string>> {
  try {
    const manifest = JSON.parse(await readFile(join(versionDir, 'manifest.json'), 'utf8')) as { extra?: { refresh?: unknown } };
    const parsed = RefreshRecord.safeParse(manifest.extra?.refresh);
    if (parsed.success) return new Set(parsed.data.seeds_covered);
  } catch {
    // no manifest: fall through to the rows
  }
  const seeds = new Set<string>();
  for (const name of ['all', 'toxic']) {
    const text = await readFile(join(versionDir, 'data', `${name}.jsonl`), 'utf8').catch(() => '');
    for (const line of text.split('\n')) if (line.trim()) seeds.add((JSON.parse(line) as DatasetRecord).seed.id);
  }
  return seeds;
}

/** Added, removed and carried-over records, overall and per category. */
export function describeChanges(options: { added: DatasetRecord[]; removed: DatasetRecord[]; carried: DatasetRecord[] }): Pick<RefreshRecord, 'added' | 'removed' | 'carried' | 'by_category'> {
  const byCategory: RefreshRecord['by_category'] = {};
  for (const kind of ['added', 'removed', 'carried'] as const) {
    for (const record of options[kind]) (byCategory[record.category] ??= { added: 0, removed: 0, carried: 0 })[kind] += 1;
  }
  const sorted = Object.fromEntries(Object.entries(byCategory).sort(([a], [b]) => a.localeCompare(b)));
  return { added: options.added.length, removed: options.removed.length, carried: options.carried.length, by_category: sorted };
}

/** The card section that tells a reader what this version changed. */
export function changesSection(record: RefreshRecord): string {
  const lines = [
    '## Changes in this version',
    '',
    record.previous
      ? `Version \`${record.version}\` (schedule \`${record.schedule}\`) against \`${record.previous}\`: ${record.added} records added, ${record.removed} removed (their seeds left the seed set), ${record.carried} carried over.`
      : `Version \`${record.version}\` (schedule \`${record.schedule}\`) is the first: ${record.added} records.`,
    '',
    '| category | added | removed | carried over |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(record.by_category).map(([category, counts]) => `| ${category} | ${counts.added} | ${counts.removed} | ${counts.carried} |`),
  ];
  return lines.join('\n');
}
