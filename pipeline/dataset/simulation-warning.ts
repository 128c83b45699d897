import { allRoles } from '../models/create-models.ts';
import type { Config } from '../schemas/config.ts';

/** The roles a warning names: a config, or what a manifest recorded of one. */
export type RoleSet = { generator: RecordedRole; expander?: RecordedRole | null; judges: RecordedRole[]; targets: RecordedRole[]; refusalJudge: RecordedRole | null };
type RecordedRole = { model: string; baseURL?: string };

/** The card's and report's warning for a run whose every role the built-in simulator answered. */
export const SIMULATED_WARNING =
  'SIMULATED DATA: every model in this run was scarecrow\'s built-in simulator, not a real language model. These prompts, labels and refusal rates test the pipeline only; do not use them to evaluate a model.';

/** What each kind of role decides, so a partly simulated run says which part of the data to distrust. */
const DECIDES: Record<string, string> = { generator: 'prompts', 'seeds.expand.model': 'generated seed concepts', judges: 'labels', targets: 'refusal rates and hard set', refusalJudge: 'refusal decisions' };

/**
 * The warning for a run some or all of whose roles a simulator answers, or null when
 * every role has a real endpoint. `before` speaks of the run about to start, `after` of
 * the data it made. A fully simulated run says so of every model; a partly simulated one
 * names its simulated roles and what they decided. `simulatedRoles` (as the manifest
 * lists them) also counts roles whose baseURL serves `scarecrow sim`; without it, the
 * roles with no baseURL.
 */
export function simulationWarning(options: { config: Config | RoleSet; when: 'before' | 'after'; simulatedRoles?: string[] }): string | null {
  const roles = allRoles(options.config);
  const names = options.simulatedRoles ? new Set(options.simulatedRoles) : null;
  const simulated = roles.filter(({ name, role }) => (names ? names.has(name) : !role.baseURL));
  if (simulated.length === 0) return null;
  if (simulated.length === roles.length) {
    return options.when === 'after'
      ? SIMULATED_WARNING
      : 'SIMULATED: every model in this run is scarecrow\'s built-in simulator, not a real language model. The prompts, labels and refusal rates it makes will test the pipeline only; do not use them to evaluate a model.';
  }
  const named = simulated.map(({ name, role }) => `${name} (${role.model})`);
  const decided = [...new Set(simulated.map(({ name }) => DECIDES[name.replace(/\[\d+\]$/, '')]!))];
  const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0]!);
  const simulator = simulated.some(({ role }) => role.baseURL) ? 'simulator' : 'built-in simulator';
  return options.when === 'after'
    ? `PARTLY SIMULATED DATA: ${list(named)} ${simulated.length > 1 ? 'were' : 'was'} scarecrow's ${simulator}, not a real language model; the other roles were real endpoints. The ${list(decided)} these roles gave test the pipeline only; do not use them to evaluate a model.`
    : `PARTLY SIMULATED: ${list(named)} ${why(simulated.map(({ role }) => role), simulated.length > 1)}, so scarecrow's ${simulator} will answer ${simulated.length > 1 ? 'them' : 'it'}, not a real language model; the other roles use their real endpoints. The ${list(decided)} from simulated roles will test the pipeline only; do not use them to evaluate a model.`;
}

/** Why the roles about to run are simulated: no baseURL, a baseURL serving `scarecrow sim`, or some of each. */
function why(roles: { baseURL?: string }[], plural: boolean): string {
  const standalone = roles.filter((role) => role.baseURL).length;
  if (standalone === 0) return `${plural ? 'have' : 'has'} no baseURL`;
  if (standalone === roles.length) return `${plural ? 'point' : 'points'} at a standalone scarecrow simulator (\`scarecrow sim\`)`;
  return 'have no baseURL or point at a standalone scarecrow simulator (`scarecrow sim`)';
}
