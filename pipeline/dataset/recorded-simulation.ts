import { z } from 'zod';
import { allRoles } from '../models/create-models.ts';
import type { Manifest } from './manifest.ts';
import { SIMULATED_WARNING, simulationWarning, type RoleSet } from './simulation-warning.ts';

const RecordedRole = z.object({ model: z.string(), baseURL: z.string().optional() });
/** Only what the warning needs of the recorded config, so a manifest of another version still reads. */
const RecordedRoles = z
  .object({
    generator: RecordedRole,
    judges: z.array(RecordedRole),
    targets: z.array(RecordedRole),
    refusalJudge: RecordedRole.nullable().default(null),
    // Seed expansion's own model, a role only while expansion was on (as roleConfigs has it); absent before it existed.
    seeds: z.object({ expand: z.object({ perCategory: z.number(), model: RecordedRole.optional() }).optional() }).optional(),
  })
  .transform(({ seeds, ...roles }) => ({ ...roles, expander: seeds?.expand && seeds.expand.perCategory > 0 ? (seeds.expand.model ?? null) : null }));

/**
 * What a written dataset says of its simulation, for the commands that read one back
 * (`report`, `push`): null for real data; `full` when every role was simulated; else
 * the simulated roles. The warning names them and what they decided, as the run's card
 * does. Manifests older than `simulated_roles` had the roles with no baseURL simulated.
 */
export function recordedSimulation(manifest: Manifest): { full: boolean; roles: string[]; warning: string } | null {
  if (!manifest.simulated) return null;
  const parsed = RecordedRoles.safeParse(manifest.config);
  // Without a readable config there is no telling a partial run from a full one: the loud warning is the safe one.
  if (!parsed.success) return { full: true, roles: manifest.simulated_roles ?? [], warning: SIMULATED_WARNING };
  const config: RoleSet = parsed.data;
  const all = allRoles(config);
  const roles = manifest.simulated_roles ?? all.filter(({ role }) => !role.baseURL).map(({ name }) => name);
  const warning = simulationWarning({ config, when: 'after', simulatedRoles: roles }) ?? SIMULATED_WARNING;
  return { full: roles.length >= all.length, roles, warning };
}

