import { readFileSync } from 'node:fs';
import { lineOfPath } from '../input/json-positions.ts';
import { UserError } from '../errors/user-error.ts';
import { problemsError } from '../input/problems-error.ts';
import type { Config, ModelRole } from '../schemas/config.ts';
import { EndpointGate } from './endpoint-gate.ts';
import type { LanguageModel } from './language-model.ts';
import { createManagedModel, RETRY_BACKOFF, type RetryPolicy } from './managed-model.ts';
import { createOpenAIModel, redactUrl, simulatorEndpointName } from './openai-model.ts';
import { configuredSecrets } from './configured-secrets.ts';
import { flattenRoles, mapRoles, type RoleSlots } from './roles.ts';
import { timeoutFor } from './role-timeout.ts';
import type { UsageMeter } from './usage-meter.ts';

export type RoleModels = RoleSlots<LanguageModel>;

export interface CreateModelsOptions {
  config: Config;
  /** Base URL of the simulator, for roles with no baseURL of their own. */
  simulatorUrl: string | null;
  /** Where calls are counted; absent when nothing reads the counts (a queue worker counts each job's calls itself). */
  meter?: UsageMeter;
  env?: NodeJS.ProcessEnv;
  /** Overrides every role's maxAttempts; queue workers pass 1 so only BullMQ retries. */
  maxAttempts?: number;
  /**
   * Models put around each role's own by whoever composes a run (pipeline/runs/create-run-models.ts:
   * the call budget and the Batch API), so models/ imports neither cost/ nor batch-api/.
   */
  wrap?: RoleWrappers;
}

/** A role's model as built here, with what a wrapper needs to reach the same endpoint itself. */
export interface BuiltRole {
  role: ModelRole;
  /** The slot's name, as `judges[1]`. */
  slot: string;
  usageRole: string;
  baseURL: string;
  apiKey: string;
  timeoutMs: number;
  secrets: string[];
  /** The endpoint as messages name it, credentials removed. */
  endpoint: string;
  meter?: UsageMeter;
}

export interface RoleWrappers {
  /** Around the endpoint's client, beneath retries and the gate: every attempt passes through it. */
  eachAttempt?(model: LanguageModel, built: BuiltRole): LanguageModel;
  /** Around the retried, gated model: what the stages call. */
  eachRole?(model: LanguageModel, built: BuiltRole): LanguageModel;
}

/** Whether any role falls back to the built-in simulator. */
export function usesSimulator(config: Config): boolean {
  return allRoles(config).some(({ role }) => !role.baseURL);
}

/** The roles (as `judges[1]`) that no baseURL points anywhere, so the built-in simulator answers them. */
export function simulatedRoles(config: Config): string[] {
  return allRoles(config).filter(({ role }) => !role.baseURL).map(({ name }) => name);
}

/** Every role of a config by name; also of the looser config a manifest records, hence generic. */
export function allRoles<Role extends { model: string; baseURL?: string } = ModelRole>(config: RoleSlots<Role>): { name: string; role: Role }[] {
  return flattenRoles(mapRoles(config, config, (role, slot) => ({ name: slot.name, role })));
}

/** Checks that every API key variable the config names is set, without reading the key into anything else; names every one that is not. */
export function checkApiKeys(config: Config, env: NodeJS.ProcessEnv = process.env, file = 'config'): void {
  const missing = allRoles(config).filter(({ role }) => role.apiKeyEnv && !env[role.apiKeyEnv]);
  if (missing.length === 0) return;
  const text = configText(file);
  throw problemsError(
    file,
    missing.map(({ name, role }) => ({
      line: text === null ? undefined : lineOfPath(text, [...rolePath(name), 'apiKeyEnv']),
      field: `${name}.apiKeyEnv`,
      message: `names the environment variable ${role.apiKeyEnv}, which is not set`,
    })),
  );
}

/** The config file's text, to name the line of a field; null for the embedded defaults or a file gone since loading. */
function configText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** `judges[1]` as the JSON path ['judges', 1]. */
function rolePath(name: string): (string | number)[] {
  return name.split(/[[\].]+/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Builds the models of every role. Roles on the same endpoint and model share one
 * gate, so their concurrency and rate limits hold together.
 */
export function createModels(options: CreateModelsOptions): RoleModels {
  const { config, meter } = options;
  const env = options.env ?? process.env;
  const gates = new Map<string, EndpointGate>();
  const secrets = configuredSecrets({ config, env });

  function build(role: ModelRole, slot: { name: string; usageRole: string }): LanguageModel {
    const { usageRole } = slot;
    const baseURL = role.baseURL ?? options.simulatorUrl;
    if (!baseURL) throw new UserError(`no endpoint for ${role.model}: set baseURL, or let the simulator run`);
    const key = `${baseURL}|${role.model}`;
    let gate = gates.get(key);
    if (!gate) {
      gate = new EndpointGate({ maxConcurrency: role.maxConcurrency, requestsPerMinute: role.requestsPerMinute });
      gates.set(key, gate);
    }
    // Local servers (vLLM, Ollama) ignore the key but the SDK insists on one.
    const apiKey = role.apiKeyEnv ? env[role.apiKeyEnv] ?? '' : 'not-needed';
    const retry: RetryPolicy = { maxAttempts: options.maxAttempts ?? role.maxAttempts, ...RETRY_BACKOFF };
    const endpointName = role.baseURL ? undefined : simulatorEndpointName(role.model);
    const timeoutMs = timeoutFor(role, config);
    const endpoint = endpointName ?? `${redactUrl(baseURL)} (${role.model})`;
    const built: BuiltRole = { role, slot: slot.name, usageRole, baseURL, apiKey, timeoutMs, secrets, endpoint, meter };
    const direct = createOpenAIModel({ model: role.model, baseURL, apiKey, timeoutMs, temperature: role.temperature, secrets, endpointName });
    const managed = createManagedModel({
      model: options.wrap?.eachAttempt ? options.wrap.eachAttempt(direct, built) : direct,
      gate,
      retry,
      meter,
      role: usageRole,
      pricing: role.pricing,
    });
    return options.wrap?.eachRole ? options.wrap.eachRole(managed, built) : managed;
  }

  return mapRoles(config, config, (role, slot) => build(role, slot));
}
