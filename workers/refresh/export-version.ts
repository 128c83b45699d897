import { join } from 'node:path';
import { readDataset } from '../../pipeline/dataset/read-dataset.ts';
import type { DatasetRecord } from '../../pipeline/schemas/candidate.ts';
import { exportDataset, type ExportInput, type ExportOutput } from '../../pipeline/dataset/export-stage.ts';
import type { RunSpec } from '../run-spec.ts';
import { writeLatest } from './dataset-versions.ts';
import { changesSection, coveredSeeds, describeChanges, type RefreshRecord } from './refresh-changes.ts';

/**
 * Writes a refresh's version folder: the new records plus the previous version's
 * records whose seeds are still selected, so each version is a whole dataset. Then
 * LATEST is pointed at it.
 */
export async function exportVersion(options: { input: ExportInput; spec: RunSpec; allSeeds: RunSpec['seeds'] }): Promise<ExportOutput> {
  const { input, spec } = options;
  const refresh = spec.refresh!;
  const root = join(spec.outputDir, spec.config.name);
  const selected = new Set(options.allSeeds.map((seed) => seed.id));
  let earlier: DatasetRecord[] = [];
  let earlierCovered = new Set<string>();
  if (refresh.previous) {
    const dataset = await readDataset(join(root, refresh.previous));
    earlier = [...dataset.configs.all, ...dataset.configs.toxic];
    earlierCovered = await coveredSeeds(join(root, refresh.previous));
  }
  const carried = earlier.filter((record) => selected.has(record.seed.id));
  const removed = earlier.filter((record) => !selected.has(record.seed.id));
  const added = input.outcome.records;
  const record: RefreshRecord = {
    schedule: refresh.schedule,
    version: refresh.version,
    previous: refresh.previous,
    seeds_covered: [...new Set([...[...earlierCovered].filter((id) => selected.has(id)), ...spec.seeds.map((seed) => seed.id)])].sort(),
    ...describeChanges({ added, removed, carried }),
  };
  const outcome = {
    ...input.outcome,
    seeds: options.allSeeds,
    generated: input.outcome.generated + carried.length,
    records: [...carried, ...added],
  };
  const exported = await exportDataset(
    { ...input, outcome, extra: { ...input.extra, refresh: record }, cardSections: [...(input.cardSections ?? []), changesSection(record)] },
    { config: spec.config, outputDir: spec.outputDir, folder: join(root, refresh.version) },
  );
  await writeLatest(root, refresh.version);
  return exported;
}
