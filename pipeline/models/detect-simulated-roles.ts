import type { Config } from '../schemas/config.ts';
import { allRoles } from './create-models.ts';
import { isSimulatorEndpoint } from './is-simulator-endpoint.ts';

/**
 * The roles (as `judges[1]`) whose answers come from a simulator: those with no baseURL,
 * which the built-in one answers, and those whose baseURL serves a standalone
 * `scarecrow sim`. Data from either says nothing about a real model. Each endpoint is
 * asked once, all at the same time; one that cannot be asked counts as real.
 */
export async function detectSimulatedRoles(options: { config: Config; env?: NodeJS.ProcessEnv }): Promise<string[]> {
  const env = options.env ?? process.env;
  const answers = new Map<string, Promise<boolean>>();
  const verdicts = allRoles(options.config).map(async ({ name, role }) => {
    if (!role.baseURL) return name;
    const key = `${role.baseURL}\t${role.apiKeyEnv ?? ''}`;
    if (!answers.has(key)) answers.set(key, isSimulatorEndpoint({ baseURL: role.baseURL, apiKey: role.apiKeyEnv ? env[role.apiKeyEnv] : undefined, timeoutMs: role.timeoutMs }));
    return (await answers.get(key)) ? name : null;
  });
  return (await Promise.all(verdicts)).filter((name): name is string => name !== null);
}
