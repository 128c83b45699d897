import { isSimulatorEndpoint } from '../models/is-simulator-endpoint.ts';
import type { ModelRole } from '../schemas/config.ts';

/**
 * The targets whose answers come from a simulator: those with no baseURL (the built-in
 * one) and those whose endpoint says it is a standalone `scarecrow sim`.
 */
export async function simulatedTargets(targets: ModelRole[], env: NodeJS.ProcessEnv = process.env): Promise<Set<string>> {
  const answers = new Map<string, Promise<boolean>>();
  const simulated = new Set<string>();
  for (const role of targets) {
    if (!role.baseURL) {
      simulated.add(role.model);
      continue;
    }
    const key = `${role.baseURL}\t${role.apiKeyEnv ?? ''}`;
    if (!answers.has(key)) answers.set(key, isSimulatorEndpoint({ baseURL: role.baseURL, apiKey: role.apiKeyEnv ? env[role.apiKeyEnv] : undefined, timeoutMs: role.timeoutMs }));
    if (await answers.get(key)) simulated.add(role.model);
  }
  return simulated;
}
