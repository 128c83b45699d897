import { UserError } from '../errors/user-error.ts';
import { ModelRole } from '../schemas/config.ts';
import { describeIssue } from '../input/describe-issue.ts';

export interface TargetFlags {
  /** `MODEL` (answered by the simulator) or `MODEL=BASE_URL`. */
  specs: string[];
  apiKeyEnv?: string;
  maxConcurrency?: number;
  requestsPerMinute?: number;
}

/**
 * Targets given on the command line. `sim-target` runs on the built-in simulator;
 * `gpt-4o-mini=https://api.openai.com/v1` on that endpoint, with the key from
 * --api-key-env. Anything finer (pricing, timeouts, per-target keys) goes in --config.
 */
export function parseTargets(flags: TargetFlags): ModelRole[] {
  const roles = flags.specs.map((spec) => {
    const at = spec.indexOf('=');
    const model = at === -1 ? spec : spec.slice(0, at);
    const baseURL = at === -1 ? undefined : spec.slice(at + 1);
    const parsed = ModelRole.safeParse({
      model,
      ...(baseURL ? { baseURL, ...(flags.apiKeyEnv ? { apiKeyEnv: flags.apiKeyEnv } : {}) } : {}),
      ...(flags.maxConcurrency ? { maxConcurrency: flags.maxConcurrency } : {}),
      ...(flags.requestsPerMinute ? { requestsPerMinute: flags.requestsPerMinute } : {}),
    });
    if (!parsed.success) {
      const { field, message } = describeIssue(parsed.error.issues[0]!);
      throw new UserError(`--target ${spec}: ${field}: ${message} (use MODEL for the simulator or MODEL=BASE_URL)`, { field: 'target' });
    }
    return parsed.data;
  });
  checkDistinct(roles);
  return roles;
}

/** Results are filed under the model name, so two targets may not share one. */
export function checkDistinct(roles: ModelRole[]): void {
  const seen = new Set<string>();
  for (const role of roles) {
    if (seen.has(role.model)) throw new UserError(`target ${role.model} is given twice; each target needs its own model name`, { field: 'target' });
    seen.add(role.model);
  }
}
