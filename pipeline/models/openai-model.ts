import OpenAI from 'openai';
import { LengthFinishReasonError } from 'openai/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import { ModelCallError } from '../errors/model-call-error.ts';
import { ModelOutputError } from '../errors/model-output-error.ts';
import { urlSecrets } from './configured-secrets.ts';
import { redactError } from '../secrets/redact-error.ts';
import { ATTEMPT_HEADER } from './simulator-protocol.ts';
import { undiciFetch } from './undici-fetch.ts';
import type { GenerateObjectOptions, GenerateTextOptions, LanguageModel, ModelUsage } from './language-model.ts';

export interface OpenAIModelOptions {
  model: string;
  baseURL: string;
  apiKey: string;
  timeoutMs: number;
  /** Used when a call does not set its own temperature. */
  temperature?: number;
  /** Every secret of the run, masked in errors along with this model's own key. */
  secrets?: readonly string[];
  /** How errors name the endpoint, instead of its URL (the built-in simulator's port changes with every run). */
  endpointName?: string;
}

/**
 * One attempt per call on the openai SDK. The SDK's own retries are off: retries
 * belong to one layer only (the retry policy in-process, BullMQ in queue mode),
 * or they multiply.
 */
export function createOpenAIModel(options: OpenAIModelOptions): LanguageModel {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout: options.timeoutMs,
    fetch: undiciFetch,
  });
  const endpoint = options.endpointName ?? `${redactUrl(options.baseURL)} (${options.model})`;
  // Providers echo a wrong key in their error bodies: scrubbed here, where errors are made, nothing downstream ever holds it.
  const secrets = [options.apiKey, ...urlSecrets(options.baseURL), ...(options.secrets ?? [])];

  function base(call: GenerateTextOptions) {
    return {
      model: options.model,
      messages: call.messages,
      ...(call.temperature ?? options.temperature) !== undefined ? { temperature: call.temperature ?? options.temperature } : {},
      ...(call.seed !== undefined ? { seed: call.seed } : {}),
      ...(call.maxTokens !== undefined ? { max_tokens: call.maxTokens } : {}),
    };
  }

  return {
    id: options.model,
    async generateText(call) {
      try {
        const completion = await client.chat.completions.create(base(call), requestOptions(call));
        // A proxy or a misconfigured server can answer 200 with an HTML page; the SDK hands that back as a string.
        if (!Array.isArray(completion?.choices)) throw new ModelOutputError({ message: 'the response was not a chat completion (no JSON with a choices list)', endpoint });
        const choice = completion.choices[0];
        if (!choice) throw new ModelOutputError({ message: 'the response had no choices', endpoint });
        return { text: choice.message.content ?? '', usage: usageOf(completion.usage) };
      } catch (error) {
        throw redactError(toModelError(error, endpoint), secrets);
      }
    },
    async generateObject<T>(call: GenerateObjectOptions<T>) {
      try {
        const completion = await client.chat.completions.parse(
          { ...base(call), response_format: responseFormat(call.schema, call.name) },
          requestOptions(call),
        );
        const message = completion.choices[0]?.message;
        if (message?.refusal) throw new ModelOutputError({ message: `the model refused to answer: ${message.refusal}`, endpoint });
        if (message?.parsed == null) throw new ModelOutputError({ message: 'the response had no parsable content', endpoint, text: message?.content ?? null });
        return { object: message.parsed as T, usage: usageOf(completion.usage) };
      } catch (error) {
        throw redactError(toModelError(error, endpoint), secrets);
      }
    },
  };
}

function requestOptions(call: GenerateTextOptions): { signal?: AbortSignal; headers?: Record<string, string> } {
  return call.attempt === undefined ? { signal: call.signal } : { signal: call.signal, headers: { [ATTEMPT_HEADER]: String(call.attempt) } };
}

// Converting a zod schema to JSON schema costs more CPU than the rest of a call; a schema's format never changes. The response cache keys on it too.
const formats = new WeakMap<object, Map<string, ReturnType<typeof zodResponseFormat>>>();

export function responseFormat(schema: object, name: string): ReturnType<typeof zodResponseFormat> {
  let byName = formats.get(schema);
  if (!byName) formats.set(schema, (byName = new Map()));
  let format = byName.get(name);
  if (!format) byName.set(name, (format = zodResponseFormat(schema as never, name)));
  return format;
}

function usageOf(usage: OpenAI.CompletionUsage | undefined): ModelUsage {
  return { promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 };
}

/** Maps whatever the SDK threw to our typed errors, which say whether to retry. */
export function toModelError(error: unknown, endpoint: string): Error {
  if (ModelCallError.isInstance(error) || ModelOutputError.isInstance(error)) return error;
  if (error instanceof OpenAI.APIUserAbortError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ModelCallError({ message: `request to ${endpoint} timed out`, endpoint, isRetryable: true, cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ModelCallError({ message: `cannot reach ${endpoint}: ${error.message}`, endpoint, isRetryable: true, cause: error });
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? null;
    return new ModelCallError({
      message: `${endpoint} answered ${status}: ${error.message}`,
      endpoint,
      statusCode: status,
      retryAfterMs: retryAfterMs(error.headers),
      cause: error,
    });
  }
  if (error instanceof LengthFinishReasonError || error instanceof SyntaxError || isZodError(error)) {
    return new ModelOutputError({ message: `unparsable answer from ${endpoint}: ${(error as Error).message.slice(0, 200)}`, endpoint, cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function isZodError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ZodError' || error.name === '$ZodError');
}

function retryAfterMs(headers: Headers | undefined): number | null {
  if (!headers) return null;
  const ms = Number(headers.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

/**
 * How a role answered by the built-in simulator names its endpoint in errors and failures:
 * not by URL, whose port differs from run to run and from worker to worker, so the same
 * config records the same failure reasons in every runner.
 */
export function simulatorEndpointName(model: string): string {
  return `built-in simulator (${model})`;
}

/** Drops credentials and query strings from a URL before it is shown or stored. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '<invalid url>';
  }
}
