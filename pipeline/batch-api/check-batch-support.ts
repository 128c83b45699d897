import OpenAI from 'openai';
import { UserError } from '../errors/user-error.ts';
import { allRoles } from '../models/create-models.ts';
import { redactUrl } from '../models/openai-model.ts';
import { undiciFetch } from '../models/undici-fetch.ts';
import type { Config } from '../schemas/config.ts';

/**
 * Asks the endpoint of every role with `batch: true` whether it has a Batch API (it lists its
 * batches), before any work: a server without one (many OpenAI-compatible servers have none)
 * answers 404, and the run stops at once naming the role, instead of sending every
 * request of the role twice (a batch that cannot be made, then the direct call). The built-in
 * simulator has one unless `simulator.batch.enabled` is false. Other failures (a server down, a
 * key refused) are the endpoint check's to report.
 */
export async function checkBatchSupport(options: { config: Config; env?: NodeJS.ProcessEnv; timeoutMs?: number; file?: string }): Promise<void> {
  checkSimulatedBatchSupport(options);
  const env = options.env ?? process.env;
  const asked = new Map<string, Promise<boolean>>();
  for (const { name, role, baseURL } of batchEndpointRoles(options.config)) {
    const key = `${baseURL}\t${role.apiKeyEnv ?? ''}`;
    if (!asked.has(key)) asked.set(key, hasBatchApi({ baseURL, apiKey: role.apiKeyEnv ? env[role.apiKeyEnv] ?? '' : 'not-needed', timeoutMs: options.timeoutMs ?? 10_000 }));
    if (!(await asked.get(key))) throw noBatchApi({ name, model: role.model, where: `endpoint ${redactUrl(baseURL)}`, file: options.file });
  }
}

/**
 * The part of checkBatchSupport that needs no endpoint: a simulated role with batch: true while
 * simulator.batch.enabled is false. `validate` runs it with the other input checks.
 */
export function checkSimulatedBatchSupport(options: { config: Config; file?: string }): void {
  if (options.config.simulator.batch.enabled) return;
  const role = allRoles(options.config).find(({ role }) => role.batch && !role.baseURL);
  if (role) throw noBatchApi({ name: role.name, model: role.role.model, where: 'built-in simulator (simulator.batch.enabled is false)', file: options.file });
}

/** The roles with batch: true at an endpoint of their own, whose Batch API only a request can tell. */
export function batchEndpointRoles(config: Config) {
  return allRoles(config).flatMap(({ name, role }) => (role.batch && role.baseURL ? [{ name, role, baseURL: role.baseURL }] : []));
}

function noBatchApi(options: { name: string; model: string; where: string; file?: string }): UserError {
  const { name } = options;
  return new UserError(`${name}.batch: ${name} (${options.model}) has batch: true, but its ${options.where} has no Batch API (GET /v1/batches answers 404); set batch to false for this role or point it at an endpoint with one`, { file: options.file, field: `${name}.batch` });
}

async function hasBatchApi(options: { baseURL: string; apiKey: string; timeoutMs: number }): Promise<boolean> {
  const client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey, maxRetries: 1, timeout: options.timeoutMs, fetch: undiciFetch });
  try {
    await client.batches.list({ limit: 1 });
    return true;
  } catch (error) {
    return !(error instanceof OpenAI.NotFoundError);
  }
}
