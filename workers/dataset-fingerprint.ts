import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files a run's export writes and nothing else rewrites. The card is left out:
 * `eval` adds its results to it, and that does not make the dataset another one.
 */
const DATASET_FILES = ['data/all.jsonl', 'data/hard.jsonl', 'data/toxic.jsonl', 'duplicates.jsonl', 'failures.jsonl', 'manifest.json', 'prompts.md'];

/**
 * A hash of a dataset folder's content, so a resubmitted run can tell whether the
 * dataset it wrote is still there as it was written; null when a file is missing or
 * unreadable (the folder was removed, or this machine does not see it).
 */
export async function datasetFingerprint(dir: string): Promise<string | null> {
  const hash = createHash('sha256');
  for (const file of DATASET_FILES) {
    const content = await readFile(join(dir, file)).catch(() => null);
    if (content === null) return null;
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}
