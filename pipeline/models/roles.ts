import type { Config, ModelRole } from '../schemas/config.ts';

/** The model roles of a run, as the config names them; stages declare which of them they call. */
export const ROLES = ['generator', 'expander', 'judges', 'targets', 'refusalJudge'] as const;
export type RoleName = (typeof ROLES)[number];

/** One value per role slot: one generator, seed expansion's own model when it has one, a list of judges and of targets, an optional refusal judge. */
export interface RoleSlots<T> {
  generator: T;
  /** Absent or null when seed expansion uses the generator (no `seeds.expand.model`, or no expansion). */
  expander?: T | null;
  judges: T[];
  targets: T[];
  refusalJudge: T | null;
}

/** One slot of a role: its name as configs and call ledgers know it (`judges[1]`), its config, and the label its usage is counted under (`judge:sim-judge-2`). */
export interface RoleSlot<R extends { model: string } = ModelRole> {
  role: RoleName;
  name: string;
  config: R;
  usageRole: string;
}

/** How usage is labelled per role in the manifest; the model's name follows the colon. */
const USAGE_LABEL: Record<RoleName, string> = { generator: 'generator', expander: 'expander', judges: 'judge', targets: 'target', refusalJudge: 'refusal-judge' };

/** The slot name of seed expansion's model: its path in the config, so problems name the field. */
export const EXPANDER_SLOT = 'seeds.expand.model';

/**
 * A config's roles, one per slot. Seed expansion's model is a role only when it is set and
 * expansion is on; otherwise expansion calls the generator, and its calls are the generator's.
 */
export function roleConfigs(config: Config): RoleSlots<ModelRole> {
  const { expand } = config.seeds;
  return { generator: config.generator, expander: expand.perCategory > 0 ? (expand.model ?? null) : null, judges: config.judges, targets: config.targets, refusalJudge: config.refusalJudge };
}

/** A run's roles: a config (whose expander is resolved by roleConfigs), or role slots, such as what a manifest recorded. */
export type RoleSource<R> = RoleSlots<R> | Config;

function slotsOf<R>(source: RoleSource<R>): RoleSlots<R> {
  return 'seeds' in source ? (roleConfigs(source) as unknown as RoleSlots<R>) : source;
}

/**
 * Maps every slot of every role to a new value, with the slot's config beside it. With
 * `flattenRoles`, the one place that walks the roles: building models, gating them,
 * routing them through a job's ledger and listing them all go through here, so a role
 * added to ROLES reaches all of them. Generic in the role's config, as a manifest records a looser one.
 * A config given as the values is its own roles' configs.
 */
export function mapRoles<U>(values: Config, config: Config, map: (value: ModelRole, slot: RoleSlot) => U): RoleSlots<U>;
export function mapRoles<T, U>(values: RoleSlots<T>, config: Config, map: (value: T, slot: RoleSlot) => U): RoleSlots<U>;
export function mapRoles<T, U, R extends { model: string } = ModelRole>(values: RoleSlots<T>, config: RoleSlots<R>, map: (value: T, slot: RoleSlot<R>) => U): RoleSlots<U>;
export function mapRoles<T, U, R extends { model: string } = ModelRole>(values: RoleSource<T>, config: RoleSource<R>, map: (value: T, slot: RoleSlot<R>) => U): RoleSlots<U> {
  const roles = slotsOf(config);
  const given = slotsOf(values);
  const slot = (role: RoleName, name: string, roleConfig: R): RoleSlot<R> => ({ role, name, config: roleConfig, usageRole: `${USAGE_LABEL[role]}:${roleConfig.model}` });
  return {
    generator: map(given.generator, slot('generator', 'generator', roles.generator)),
    expander: given.expander != null && roles.expander ? map(given.expander, slot('expander', EXPANDER_SLOT, roles.expander)) : null,
    judges: given.judges.map((value, index) => map(value, slot('judges', `judges[${index}]`, roles.judges[index]!))),
    targets: given.targets.map((value, index) => map(value, slot('targets', `targets[${index}]`, roles.targets[index]!))),
    refusalJudge: given.refusalJudge !== null && roles.refusalJudge ? map(given.refusalJudge, slot('refusalJudge', 'refusalJudge', roles.refusalJudge)) : null,
  };
}

/** Every slot's value in role order: the generator, the expander when there is one, the judges, the targets, the refusal judge when there is one. */
export function flattenRoles<T>(values: RoleSlots<T>): T[] {
  return [values.generator, ...(values.expander == null ? [] : [values.expander]), ...values.judges, ...values.targets, ...(values.refusalJudge === null ? [] : [values.refusalJudge])];
}
