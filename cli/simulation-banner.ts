import type { LoadedConfig } from '../pipeline/input/load-config.ts';
import { simulationWarning } from '../pipeline/dataset/simulation-warning.ts';
import { simulatedRoles as simulatedRolesOf, usesSimulator } from '../pipeline/models/create-models.ts';

/**
 * The terminal banner of a run the simulator answers in whole or in part, or '' when none:
 * before the run it says what will happen, after it what the data is; and it tells how to
 * get real data in terms of what the user actually did (a config file given or not).
 */
export function simulationBanner(options: { loaded: LoadedConfig; when: 'before' | 'after'; queued?: boolean; simulatedRoles?: string[] }): string {
  const { loaded, when, simulatedRoles } = options;
  const warning = simulationWarning({ config: loaded.config, when, simulatedRoles });
  if (!warning) return '';
  const line = '!'.repeat(78);
  const workers = options.queued && when === 'before' && usesSimulator(loaded.config) ? 'Each worker process will start its own simulator from this config\'s seed, so every worker answers alike.\n' : '';
  // A role can be simulated with a baseURL: one that serves `scarecrow sim`.
  const standalone = (simulatedRoles ?? []).length > simulatedRolesOf(loaded.config).length;
  const advice = loaded.file
    ? `To make a real dataset, give every role a baseURL${standalone ? ' of a real model server, not a scarecrow simulator,' : ''} in ${loaded.file} (see README, "Pointing it at real models").`
    : 'To make a real dataset, pass a config file naming real endpoints: scarecrow run --config my.json (see README, "Pointing it at real models").';
  return `${line}\n${warning}\n${workers}${advice}\n${line}\n`;
}
