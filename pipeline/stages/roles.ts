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
export interface RoleSlot {
  role: RoleName;
  name: string;
  config: ModelRole;
  usageRole: string;
}

/** How usage is labelled per role in the manifest; the model's name follows the colon. */
const USAGE_LABEL: Record<RoleName, string> = { generator: 'generator', judges: 'judge', targets: 'target', refusalJudge: 'refusal-judge' };

/**
 * Maps every slot of every role to a new value, with the slot's config beside it. The one
 * place that walks the four roles: building models, gating them and routing them through a
 * job's ledger all go through here, so a role added to ROLES reaches all of them.
 */
export function mapRoles<T, U>(values: RoleSlots<T>, config: RoleSlots<ModelRole>, map: (value: T, slot: RoleSlot) => U): RoleSlots<U> {
  const slot = (role: RoleName, name: string, roleConfig: ModelRole): RoleSlot => ({ role, name, config: roleConfig, usageRole: `${USAGE_LABEL[role]}:${roleConfig.model}` });
  return {
    generator: map(values.generator, slot('generator', 'generator', config.generator)),
    judges: values.judges.map((value, index) => map(value, slot('judges', `judges[${index}]`, config.judges[index]!))),
    targets: values.targets.map((value, index) => map(value, slot('targets', `targets[${index}]`, config.targets[index]!))),
    refusalJudge: values.refusalJudge !== null && config.refusalJudge ? map(values.refusalJudge, slot('refusalJudge', 'refusalJudge', config.refusalJudge)) : null,
  };
}
