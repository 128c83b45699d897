import { join, resolve } from 'node:path';
import { buildDatasetCard } from '../dataset/dataset-card.ts';
import { diversityCardSection, type DatasetDiversity } from '../dataset/diversity-section.ts';
import { measureDiversity } from '../diversity/measure-diversity.ts';
import { buildManifest, type Manifest } from '../dataset/manifest.ts';
import type { RunOutcome } from '../dataset/run-outcome.ts';
import { promptsDocument } from '../dataset/prompts-document.ts';
import { toJsonl, writeFolderAtomically } from '../dataset/write-atomically.ts';
import type { RoleUsage } from '../models/usage-meter.ts';
import type { DatasetRecord } from '../schemas/candidate.ts';
import type { Config } from '../schemas/config.ts';

export interface ExportInput {
  outcome: RunOutcome;
  usage: Record<string, RoleUsage>;
  timingsMs: Record<string, number>;
  simulated: boolean;
  /** Manifest sections and card sections computed elsewhere (diversity, refresh changes). */
  extra?: Record<string, unknown>;
  cardSections?: string[];
}

export interface ExportContext {
  config: Config;
  /** Folder the dataset folder goes in. */
  outputDir: string;
  /** Exact folder to write instead of <outputDir>/<name>, e.g. a version folder <outputDir>/<name>/<version>. */
  folder?: string;
}

export interface ExportOutput {
  dir: string;
  manifest: Manifest;
  sizes: { all: number; hard: number; toxic: number };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Writes the dataset folder in one atomic swap: the three configs as JSONL, the
 * dataset card, the manifest, and the duplicates and failures that account for
 * every candidate not in the data.
 */
export async function exportDataset(input: ExportInput, context: ExportContext): Promise<ExportOutput> {
  const records = [...input.outcome.records].sort(byId);
  const all = records.filter((record) => record.label !== 'harmful');
  const hard = all.filter((record) => record.hard);
  const toxic = records.filter((record) => record.label === 'harmful');
  const sizes = { all: all.length, hard: hard.length, toxic: toxic.length };
  const diversity: DatasetDiversity = { set: 'all', ...measureDiversity(all.map((record) => ({ prompt: record.prompt, category: record.category }))) };
  const manifest = buildManifest({
    config: context.config,
    outcome: input.outcome,
    usage: input.usage,
    timingsMs: input.timingsMs,
    simulated: input.simulated,
    extra: { diversity, ...input.extra },
  });
  const dir = resolve(context.folder ?? join(context.outputDir, context.config.name));
  await writeFolderAtomically(dir, {
    'data/all.jsonl': toJsonl(all),
    'data/hard.jsonl': toJsonl(hard),
    'data/toxic.jsonl': toJsonl(toxic),
    'duplicates.jsonl': toJsonl(input.outcome.duplicates),
    'failures.jsonl': toJsonl([...input.outcome.failures].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.stage.localeCompare(b.stage)))),
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    'prompts.md': promptsDocument(context.config),
    'README.md': buildDatasetCard({ config: context.config, manifest, sizes, sections: [diversityCardSection(diversity), ...(input.cardSections ?? [])] }),
  });
  return { dir, manifest, sizes };
}

export type { DatasetRecord };
