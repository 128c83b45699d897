import { describe, expect, it } from 'vitest';
import { flattenRoles, mapRoles } from '../../pipeline/models/roles.ts';
import { Config } from '../../pipeline/schemas/config.ts';

describe('the role mapping', () => {
  it('names every slot and its usage label, in role order, and leaves out an absent refusal judge', () => {
    const config = Config.parse({ name: 'roles', judges: [{ model: 'sim-judge-1' }, { model: 'sim-judge-2' }], targets: [{ model: 'sim-target' }] });
    const slots = flattenRoles(mapRoles(config, config, (role, slot) => `${slot.name} ${slot.usageRole} ${role.model}`));
    expect(slots).toEqual([
      'generator generator:sim-generator sim-generator',
      'judges[0] judge:sim-judge-1 sim-judge-1',
      'judges[1] judge:sim-judge-2 sim-judge-2',
      'targets[0] target:sim-target sim-target',
    ]);
    const withJudge = Config.parse({ name: 'roles', refusalJudge: { model: 'sim-judge-1' } });
    expect(mapRoles(withJudge, withJudge, (_role, slot) => slot.usageRole).refusalJudge).toBe('refusal-judge:sim-judge-1');
  });
});
