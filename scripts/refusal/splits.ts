import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REFUSAL_DATA_DIR = path.resolve(PROJECT_ROOT, '../shared/data/refusal');

/**
 * The labelled response files, one per source model, in name order. Every figure of transfer
 * to unseen models is leave-one-model-out over them (leave-one-model-out.ts): no file is held
 * out whole, each is held out in turn.
 */
export function refusalDataFiles(): string[] {
  return readdirSync(REFUSAL_DATA_DIR)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => path.join(REFUSAL_DATA_DIR, name));
}
