import { flattenRoles, roleConfigs } from './roles.ts';
import type { Config, ModelRole } from '../schemas/config.ts';

/**
 * Every secret a run holds: the key of each role (from the variable its apiKeyEnv
 * names), HF_TOKEN, and credentials written into a baseURL (user, password, key-like
 * query values), so each can be masked wherever an endpoint echoes it back.
 */
export function configuredSecrets(options: { config: Config; env?: NodeJS.ProcessEnv }): string[] {
  const env = options.env ?? process.env;
  const { config } = options;
  const roles: ModelRole[] = flattenRoles(roleConfigs(config));
  const secrets = new Set<string>();
  for (const role of roles) {
    const key = role.apiKeyEnv ? env[role.apiKeyEnv] : undefined;
    if (key) secrets.add(key);
    if (role.baseURL) for (const secret of urlSecrets(role.baseURL)) secrets.add(secret);
  }
  if (env.HF_TOKEN) secrets.add(env.HF_TOKEN);
  return [...secrets];
}

/** The user, password and query values of a URL: any of them may be a credential. */
export function urlSecrets(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const found = [decodeURIComponent(parsed.username), decodeURIComponent(parsed.password), ...parsed.searchParams.values()];
  return found.filter((value) => value !== '');
}
