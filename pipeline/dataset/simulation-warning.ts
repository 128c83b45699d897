import { allRoles } from '../models/create-models.ts';
import type { Config } from '../schemas/config.ts';
import { SIMULATED_WARNING } from './dataset-card.ts';

/** What each kind of role decides, so a partly simulated run says which part of the data to distrust. */
const DECIDES: Record<string, string> = { generator: 'prompts', judges: 'labels', targets: 'refusal rates and hard set', refusalJudge: 'refusal decisions' };

/**
 * The warning for a run some or all of whose roles the built-in simulator answers, or
 * null when every role has a real endpoint. `before` speaks of the run about to start,
 * `after` of the data it made. A fully simulated run says so of every model; a partly
 * simulated one names its simulated roles and what they decided.
 */
export function simulationWarning(options: { config: Config; when: 'before' | 'after' }): string | null {
  const roles = allRoles(options.config);
  const simulated = roles.filter(({ role }) => !role.baseURL);
  if (simulated.length === 0) return null;
  if (simulated.length === roles.length) {
    return options.when === 'after'
      ? SIMULATED_WARNING
      : 'SIMULATED: every model in this run is scarecrow\'s built-in simulator, not a real language model. The prompts, labels and refusal rates it makes will test the pipeline only; do not use them to evaluate a model.';
  }
  const names = simulated.map(({ name, role }) => `${name} (${role.model})`);
  const decided = [...new Set(simulated.map(({ name }) => DECIDES[name.replace(/\[\d+\]$/, '')]!))];
  const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0]!);
  return options.when === 'after'
    ? `PARTLY SIMULATED DATA: ${list(names)} ${simulated.length > 1 ? 'were' : 'was'} scarecrow's built-in simulator, not a real language model; the other roles were real endpoints. The ${list(decided)} these roles gave test the pipeline only; do not use them to evaluate a model.`
    : `PARTLY SIMULATED: ${list(names)} ${simulated.length > 1 ? 'have' : 'has'} no baseURL, so scarecrow's built-in simulator will answer ${simulated.length > 1 ? 'them' : 'it'}, not a real language model; the other roles use their real endpoints. The ${list(decided)} from simulated roles will test the pipeline only; do not use them to evaluate a model.`;
}
