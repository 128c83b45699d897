import type { LanguageModel } from '../models/language-model.ts';
import { redactUrl } from '../models/openai-model.ts';
import { mapRoles, type RoleSlots } from '../models/roles.ts';
import type { Config, ModelRole } from '../schemas/config.ts';
import type { CacheCounter } from './cache-counts.ts';
import { createCachedModel } from './cached-model.ts';
import type { RequestIdentity } from './request-key.ts';
import type { ResponseCache } from './response-cache.ts';

export interface ModelCacheOptions {
  cache: ResponseCache;
  counter: CacheCounter;
  /**
   * What the built-in simulator's answers depend on (its version and seed), for roles with no
   * baseURL: its URL changes with every run, so it cannot name the endpoint in a key.
   */
  simulatorIdentity: string;
}

/** Which endpoint answers a role, as a cache key names it: never with credentials or a query. */
export function roleIdentity(role: ModelRole, simulatorIdentity: string, slot?: string): RequestIdentity {
  return { endpoint: role.baseURL ? redactUrl(role.baseURL) : simulatorIdentity, model: role.model, temperature: role.temperature, slot };
}

/** The built-in simulator's identity in cache keys. */
export function simulatorCacheIdentity(options: { version: string; seed: number }): string {
  return `built-in simulator ${options.version} seed ${options.seed}`;
}

/** Every role's model answered from the cache when it can be. */
export function cacheModels(models: RoleSlots<LanguageModel>, config: Config, options: ModelCacheOptions): RoleSlots<LanguageModel> {
  return mapRoles(models, config, (model, slot) => createCachedModel({ model, cache: options.cache, counter: options.counter, identity: roleIdentity(slot.config, options.simulatorIdentity, slot.name), usageRole: slot.usageRole }));
}
