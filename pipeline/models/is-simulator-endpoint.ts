import OpenAI from 'openai';
import { SIMULATOR_OWNER } from './simulator-protocol.ts';
import { undiciFetch } from './undici-fetch.ts';

/**
 * Whether the endpoint at `baseURL` is a scarecrow simulator (`scarecrow sim`), told by
 * its model list: every model it lists is owned by the simulator. Data made or measured
 * there is simulated even though the role names a baseURL. Any failure to ask (no
 * answer, a rejected key, no model list) counts as not the simulator.
 */
export async function isSimulatorEndpoint(options: { baseURL: string; apiKey?: string; timeoutMs?: number }): Promise<boolean> {
  const client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey || 'not-needed', maxRetries: 0, timeout: options.timeoutMs ?? 10_000, fetch: undiciFetch });
  try {
    const page = await client.models.list();
    return Array.isArray(page.data) && page.data.length > 0 && page.data.every((model) => model.owned_by === SIMULATOR_OWNER);
  } catch {
    return false;
  }
}
