import { join } from 'node:path';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';

/** The environment variables each role reads its key from. */
export const KEY_VARIABLES = { generator: 'SCARECROW_TEST_GENERATOR_KEY', judge: 'SCARECROW_TEST_JUDGE_KEY', target: 'SCARECROW_TEST_TARGET_KEY' } as const;

/**
 * Every role on one key-echoing endpoint, each with a key of its own; enough seeds
 * that each stage meets both kinds of rejection, and two attempts so retries stay quick.
 */
export function echoedKeyConfig(baseURL: string) {
  const role = (model: string, apiKeyEnv: string) => ({ model, baseURL, apiKeyEnv, maxAttempts: 2 });
  return {
    name: 'echoed-key',
    seeds: { paths: [join(PROJECT_ROOT, 'seeds')], limit: 4, categories: ['privacy', 'violence'] },
    generate: { rewritesPerSeed: 3 },
    probe: { samples: 2 },
    generator: role('sim-generator', KEY_VARIABLES.generator),
    judges: [role('sim-judge-1', KEY_VARIABLES.judge)],
    targets: [role('sim-target', KEY_VARIABLES.target)],
  };
}
