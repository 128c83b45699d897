import { createHash } from 'node:crypto';
import { redactConfig } from '../dataset/manifest.ts';
import type { Config } from '../schemas/config.ts';
import type { Seed } from '../schemas/seed.ts';
import type { AnswerVersions } from './answer-versions.ts';

/**
 * What a run's results depend on: the whole config (no secrets live in it), the seeds,
 * and the versions of what makes the answers (scarecrow, its prompt templates, the refusal
 * classifier, the simulator), so results made before an upgrade are never mixed with
 * those made after it. Results recorded under one fingerprint are never reused under another.
 */
export function runFingerprint(options: { config: Config; seeds: Seed[]; versions: AnswerVersions }): string {
  const { versions } = options;
  return createHash('sha256').update(JSON.stringify({ config: redactConfig(options.config), seeds: options.seeds, versions })).digest('hex').slice(0, 32);
}
