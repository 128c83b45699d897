import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '../dataset/read-dataset.ts';
import { publishCard } from './publish-card.ts';

export interface PublishFile {
  path: string;
  content: Buffer;
}

/** Paths a push owns: remote files among these that are not pushed again are deleted. */
export function isManagedPath(path: string): boolean {
  return path === 'README.md' || path === 'manifest.json' || path === 'eval.json' || path === 'prompts.md' || path.startsWith('data/');
}

/**
 * What goes to the Hub: the card (rewritten for what is published), the manifest, the
 * prompts the dataset was made with, the evaluation results when there are any, and the data files. The toxic file only
 * when asked for; duplicates and failures stay local (failures can hold harmful text).
 */
export async function publishFiles(dataset: Dataset, options: { includeToxic: boolean }): Promise<PublishFile[]> {
  const read = (path: string) => readFile(join(dataset.dir, path));
  const files: PublishFile[] = [
    { path: 'README.md', content: Buffer.from(publishCard(dataset.card, { includeToxic: options.includeToxic, file: join(dataset.dir, 'README.md') })) },
    { path: 'manifest.json', content: await read('manifest.json') },
    { path: 'data/all.jsonl', content: await read('data/all.jsonl') },
    { path: 'data/hard.jsonl', content: await read('data/hard.jsonl') },
  ];
  if (options.includeToxic) files.push({ path: 'data/toxic.jsonl', content: await read('data/toxic.jsonl') });
  // Datasets written before prompts.md existed have none.
  const prompts = await read('prompts.md').catch(() => null);
  if (prompts) files.push({ path: 'prompts.md', content: prompts });
  const evaluation = await read('eval.json').catch(() => null);
  if (evaluation) files.push({ path: 'eval.json', content: evaluation });
  return files;
}
