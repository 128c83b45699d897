import type { ModelRole } from '../schemas/config.ts';

/** The model roles of a run, as the config names them; stages declare which of them they call. */
export const ROLES = ['generator', 'judges', 'targets', 'refusalJudge'] as const;
export type RoleName = (typeof ROLES)[number];

/** One value per role slot: one generator, a list of judges and of targets, an optional refusal judge. */
export interface RoleSlots<T> {
  generator: T;
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
const USAGE_LABEL: Record<RoleName, string> = { generator: 'generator', judges: 'judge', targets: 'target', refusalJudge: 'refusal-judge' };

/**
 * Maps every slot of every role to a new value, with the slot's config beside it. With
 * `flattenRoles`, the one place that walks the four roles: building models, gating them,
 * routing them through a job's ledger and listing them all go through here, so a role
 * added to ROLES reaches all of them. Generic in the role's config, as a manifest records a looser one.
 */
export function mapRoles<T, U, R extends { model: string } = ModelRole>(values: RoleSlots<T>, config: RoleSlots<R>, map: (value: T, slot: RoleSlot<R>) => U): RoleSlots<U> {
  const slot = (role: RoleName, name: string, roleConfig: R): RoleSlot<R> => ({ role, name, config: roleConfig, usageRole: `${USAGE_LABEL[role]}:${roleConfig.model}` });
  return {
    generator: map(values.generator, slot('generator', 'generator', config.generator)),
    judges: values.judges.map((value, index) => map(value, slot('judges', `judges[${index}]`, config.judges[index]!))),
    targets: values.targets.map((value, index) => map(value, slot('targets', `targets[${index}]`, config.targets[index]!))),
    refusalJudge: values.refusalJudge !== null && config.refusalJudge ? map(values.refusalJudge, slot('refusalJudge', 'refusalJudge', config.refusalJudge)) : null,
  };
}

/** Every slot's value in role order: the generator, the judges, the targets, the refusal judge when there is one. */
export function flattenRoles<T>(values: RoleSlots<T>): T[] {
  return [values.generator, ...values.judges, ...values.targets, ...(values.refusalJudge === null ? [] : [values.refusalJudge])];
}
