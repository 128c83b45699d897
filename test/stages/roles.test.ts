import { describe, expect, it } from 'vitest';
import { flattenRoles, mapRoles } from '../../pipeline/models/roles.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { configuredSecrets } from '../../pipeline/models/configured-secrets.ts';
import { simulatedRoles } from '../../pipeline/models/create-models.ts';

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

describe('seed expansion\'s own model', () => {
  const expanding = (expand: Record<string, unknown>) => Config.parse({ name: 'roles', seeds: { expand }, targets: [] });

  it('is a role of its own: slot, usage label, secrets and simulation while expansion is on, and the generator otherwise', () => {
    const config = expanding({ perCategory: 5, model: { model: 'concept-writer', baseURL: 'http://localhost:9/v1', apiKeyEnv: 'CONCEPT_KEY' } });
    const slots = flattenRoles(mapRoles(config, config, (role, slot) => `${slot.name} ${slot.usageRole} ${role.model}`));
    expect(slots.slice(0, 2)).toEqual(['generator generator:sim-generator sim-generator', 'seeds.expand.model expander:concept-writer concept-writer']);
    expect(configuredSecrets({ config, env: { CONCEPT_KEY: 'sk-concept-secret' } })).toContain('sk-concept-secret');
    expect(simulatedRoles(config)).not.toContain('seeds.expand.model');

    // Off, or not named: expansion's calls are the generator's, and no role is added.
    for (const other of [expanding({ perCategory: 0, model: { model: 'concept-writer' } }), expanding({ perCategory: 5 })]) {
      expect(mapRoles(other, other, (role) => role.model).expander).toBeNull();
    }
  });

  it('needs pricing of its own under a cost budget', () => {
    const priced = { inputPerMillion: 1, outputPerMillion: 2 };
    const result = Config.safeParse({ generator: { model: 'g', pricing: priced }, judges: [{ model: 'j', pricing: priced }], targets: [], seeds: { expand: { perCategory: 5, model: { model: 'concept-writer' } } }, budget: { maxCostUsd: 5 } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('seeds.expand.model (concept-writer)');
  });
});
