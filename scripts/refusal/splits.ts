import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashString } from '../../pipeline/refusal/hashing.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REFUSAL_DATA_DIR = path.resolve(PROJECT_ROOT, '../shared/data/refusal');

/**
 * Whole models kept out of training and tuning: one human-labelled XSTest model and one
 * LLM-labelled PHTest model, so the held-out figure measures transfer to unseen models
 * under both labelling regimes.
 */
export const HELD_OUT_SOURCES = ['xstest-mistralinstruct', 'phtest-zephyr-7b'] as const;

/** Share of each training model's rows set aside for tuning and calibration. */
export const VALIDATION_SHARE = 0.15;

export function refusalDataFiles(): string[] {
  return readdirSync(REFUSAL_DATA_DIR)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => path.join(REFUSAL_DATA_DIR, name));
}

export function isHeldOut(source: string): boolean {
  return (HELD_OUT_SOURCES as readonly string[]).includes(source);
}

/** Deterministic, row-stable assignment to the validation split (by source and id). */
export function isValidation(row: { source: string; id: string }): boolean {
  return hashString(`${row.source}\u0000${row.id}`) / 2 ** 32 < VALIDATION_SHARE;
}
