import { join, resolve } from 'node:path';
import { buildDatasetCard } from './dataset-card.ts';
import { diversityCardSection, type DatasetDiversity } from './diversity-section.ts';
import { evolveCardSection } from './evolve-section.ts';
import { countByLanguage, languageCardSection } from './language-section.ts';
import { seedsCardSection } from './seeds-section.ts';
import { mutatePromptsSection } from '../evolution/mutate-prompts-section.ts';
import type { EvolveSummary } from '../evolution/round-stats.ts';
import { measureDiversityYielding } from '../diversity/measure-diversity.ts';
import { jsonlChunks } from './jsonl-chunks.ts';
import { buildManifest, type Manifest, type RunFacts } from './manifest.ts';
import { promptsDocument } from './prompts-document.ts';
import { keptPathFor, pruneKeptDatasets } from './keep-earlier.ts';
import { writeFolderAtomically } from './write-atomically.ts';
import type { DatasetRecord } from '../schemas/candidate.ts';
import type { Config } from '../schemas/config.ts';
import type { Seed } from '../schemas/seed.ts';

export interface ExportInput extends RunFacts {
  /** Card sections computed elsewhere (refresh changes). */
  cardSections?: string[];
}

export interface ExportContext {
  config: Config;
  /** Folder the dataset folder goes in. */
  outputDir: string;
  /** Exact folder to write instead of <outputDir>/<name>, e.g. a version folder <outputDir>/<name>/<version>. */
  folder?: string;
  /** Stops the export on Ctrl-C or SIGTERM, leaving no folder half-written; the long parts yield, so it acts at once. */
  signal?: AbortSignal;
}

export interface ExportOutput {
  dir: string;
  manifest: Manifest;
  sizes: { all: number; hard: number; toxic: number };
  /** The dataset this one replaced, moved to `<name>.previous/` with whatever was made from it; and kept ones removed as too old. */
  earlier: { kept: string[]; removed: string[] };
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
  const { signal } = context;
  const languages = context.config.generate.languages;
  // Sorting a large outcome takes tens of milliseconds: let the event loop in before diversity's first slice adds to it.
  await new Promise((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
  // Diversity is the CPU-heavy part of a large export: it lets the event loop in as it goes.
  const diversity: DatasetDiversity = { set: 'all', ...(await measureDiversityYielding(all.map((record) => ({ prompt: record.prompt, category: record.category })), { signal })) };
  const manifest = buildManifest({
    config: context.config,
    outcome: input.outcome,
    usage: input.usage,
    timingsMs: input.timingsMs,
    simulated: input.simulated,
    simulatedRoles: input.simulatedRoles,
    extra: { diversity, ...(languages.length > 1 ? { languages: countByLanguage(records, languages) } : {}), ...(input.outcome.evolve ? { evolve: input.outcome.evolve } : {}), ...(input.outcome.expansion ? { expansion: input.outcome.expansion } : {}), ...input.extra },
  });
  const datasetSections = [
    ...(input.outcome.expansion ? [seedsCardSection({ seeds: input.outcome.seeds, expansion: input.outcome.expansion })] : []),
    ...(languages.length > 1 ? [languageCardSection(countByLanguage(records, languages), context.config.generate.languageMode)] : []),
  ];
  const failures = [...input.outcome.failures].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.stage.localeCompare(b.stage)));
  signal?.throwIfAborted();
  const dir = resolve(context.folder ?? join(context.outputDir, context.config.name));
  // A rerun must not delete evaluation work done on the dataset it replaces; a refresh's version folder is only ever rewritten by its own retry.
  const keepReplaced = context.folder ? undefined : (replaced: string) => keptPathFor(replaced);
  // The data files are serialised chunk by chunk as they go to disk: no string holds a whole file, and the event loop gets in between chunks.
  const { kept } = await writeFolderAtomically(dir, {
    'data/all.jsonl': jsonlChunks(all),
    'data/hard.jsonl': jsonlChunks(hard),
    'data/toxic.jsonl': jsonlChunks(toxic),
    'duplicates.jsonl': jsonlChunks(input.outcome.duplicates),
    'failures.jsonl': jsonlChunks(failures),
    'seeds.jsonl': jsonlChunks(input.outcome.seeds.map(seedRow)),
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    'prompts.md': promptsDocument(context.config) + mutatePromptsSection(context.config),
    'README.md': buildDatasetCard({ config: context.config, manifest, sizes, sections: [diversityCardSection(diversity), ...(input.outcome.evolve ? [evolveCardSection(input.outcome.evolve as EvolveSummary)] : []), ...datasetSections, ...(input.cardSections ?? [])] }),
  }, { keepReplaced, signal });
  const removed = kept.length > 0 ? await pruneKeptDatasets(dir, { protect: kept }) : [];
  return { dir, manifest, sizes, earlier: { kept, removed } };
}

/** A seed as `seeds.jsonl` lists it: every seed the run used, with where it came from. */
function seedRow(seed: Seed): Seed {
  return { ...seed, source: seed.source ?? 'file' };
}

export type { DatasetRecord };
