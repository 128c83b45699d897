import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDataDirectory = path.resolve(projectRoot, '../shared/data');

/**
 * Real English vocabulary for synthetic prompts: the distinct words of XSTest and
 * PHTest, sorted so the list (and every corpus built from it) is stable.
 */
export function loadVocabulary(): string[] {
  const words = new Set<string>();
  for (const file of ['xstest_prompts.csv', 'phtest_v0.1.csv']) {
    const text = readFileSync(path.join(sharedDataDirectory, 'prompts', file), 'utf8').toLowerCase();
    for (const word of text.match(/[a-z]{2,}/g) ?? []) words.add(word);
  }
  return [...words].sort();
}
