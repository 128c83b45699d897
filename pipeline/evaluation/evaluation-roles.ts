import { UserError } from '../errors/user-error.ts';
import { redactUrl } from '../models/openai-model.ts';
import type { ModelRole } from '../schemas/config.ts';

/** A role an evaluation calls, with the name its errors go by: `target MODEL` or `refusal judge MODEL`. */
export interface EvaluationRole {
  name: string;
  role: ModelRole;
}

export function evaluationRoles(options: { targets: ModelRole[]; refusalJudge?: ModelRole | null }): EvaluationRole[] {
  return [
    ...options.targets.map((role) => ({ name: `target ${role.model}`, role })),
    ...(options.refusalJudge ? [{ name: `refusal judge ${options.refusalJudge.model}`, role: options.refusalJudge }] : []),
  ];
}

/**
 * Stops before any client is built when a role's API key variable is unset: the SDK
 * would otherwise throw a bare "Missing credentials" from deep inside the first call.
 */
export function checkEvaluationKeys(roles: EvaluationRole[], env: NodeJS.ProcessEnv = process.env): void {
  for (const { name, role } of roles) {
    if (role.apiKeyEnv && !env[role.apiKeyEnv]) {
      const where = role.baseURL ? ` (${redactUrl(role.baseURL)})` : '';
      throw new UserError(`${name}${where}: the environment variable ${role.apiKeyEnv} that should hold its API key is not set (set it, or name another with --api-key-env or apiKeyEnv in --config)`, {
        field: 'apiKeyEnv',
      });
    }
  }
}
