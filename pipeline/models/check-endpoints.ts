import OpenAI from 'openai';
import { UserError } from '../errors/user-error.ts';
import type { Config, ModelRole } from '../schemas/config.ts';
import { allRoles } from './create-models.ts';
import { redactUrl } from './openai-model.ts';
import { undiciFetch } from './undici-fetch.ts';
import { urlSecrets } from './configured-secrets.ts';
import { redactSecrets } from '../secrets/redact.ts';

/**
 * Asks every configured endpoint for its model list before any work starts, so an
 * unreachable server or a rejected key stops the run at once with the endpoint named,
 * instead of failing every seed one by one.
 */
export async function checkEndpoints(options: {
  config?: Config;
  /** The roles to check, named as the user knows them (e.g. `target foo`); every role of `config` by default. */
  roles?: { name: string; role: ModelRole }[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<void> {
  const env = options.env ?? process.env;
  const seen = new Set<string>();
  for (const { name, role } of options.roles ?? (options.config ? allRoles(options.config) : [])) {
    if (!role.baseURL || seen.has(role.baseURL + (role.apiKeyEnv ?? ''))) continue;
    seen.add(role.baseURL + (role.apiKeyEnv ?? ''));
    const client = new OpenAI({ baseURL: role.baseURL, apiKey: role.apiKeyEnv ? env[role.apiKeyEnv] ?? '' : 'not-needed', maxRetries: 1, timeout: options.timeoutMs ?? 10_000, fetch: undiciFetch });
    const where = `${name} endpoint ${redactUrl(role.baseURL)}`;
    try {
      await client.models.list();
    } catch (error) {
      if (error instanceof OpenAI.APIConnectionError) {
        const message = redactSecrets(error.message, [role.apiKeyEnv ? env[role.apiKeyEnv] ?? '' : '', ...urlSecrets(role.baseURL)]);
        throw new UserError(`cannot reach the ${where}: ${message}`, { field: `${name}.baseURL` });
      }
      if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
        throw new UserError(`the ${where} rejected the API key from ${role.apiKeyEnv ?? '(no apiKeyEnv)'} (${error.status})`, { field: `${name}.apiKeyEnv` });
      }
      // Some compatible servers do not list models; a real call will tell.
    }
  }
}
