import { createHash } from 'node:crypto';
import { redactConfig } from '../dataset/manifest.ts';
import type { Config } from '../schemas/config.ts';
import type { Seed } from '../schemas/seed.ts';

/**
 * What a run's results depend on: the whole config (no secrets live in it) and the seeds.
 * Results recorded under one fingerprint are never reused under another.
 */
export function runFingerprint(options: { config: Config; seeds: Seed[] }): string {
  return createHash('sha256').update(JSON.stringify({ config: redactConfig(options.config), seeds: options.seeds })).digest('hex').slice(0, 32);
}
