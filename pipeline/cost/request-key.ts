import { createHash } from 'node:crypto';
import { responseFormat } from '../models/openai-model.ts';
import type { GenerateObjectOptions, GenerateTextOptions } from '../models/language-model.ts';

/** Which endpoint and model answer a role: the URL without credentials or query, or the simulator by version and seed. */
export interface RequestIdentity {
  endpoint: string;
  model: string;
  /** The role's temperature, sent when a call sets none. */
  temperature?: number;
  /** The role's slot (`judges[1]`): two judges on one model are still two calls, each sampled on its own. */
  slot?: string;
}

/**
 * The cache key of one request: a hash of everything that decides the answer (endpoint,
 * model, messages, response schema, temperature, seed, max tokens) and the role slot that
 * asks it, and nothing that does not (the attempt, the signal, the API key, which is never
 * part of a request's body).
 */
export function requestKey(identity: RequestIdentity, call: GenerateTextOptions | GenerateObjectOptions<unknown>): string {
  const format = 'schema' in call ? responseFormat(call.schema, call.name) : null;
  const content = JSON.stringify({
    slot: identity.slot ?? null,
    endpoint: identity.endpoint,
    model: identity.model,
    messages: call.messages,
    response_format: format,
    temperature: call.temperature ?? identity.temperature ?? null,
    seed: call.seed ?? null,
    max_tokens: call.maxTokens ?? null,
  });
  return createHash('sha256').update(content).digest('hex');
}
