import { z } from 'zod';
import { responseFormat } from '../models/openai-model.ts';
import type { GenerateObjectOptions, GenerateTextOptions } from '../models/language-model.ts';

/** The one endpoint scarecrow batches. */
export const BATCH_ENDPOINT = '/v1/chat/completions';

/** One line of a Batch API input file, as OpenAI (and `vllm run-batch`) read it. */
export interface BatchRequestLine {
  custom_id: string;
  method: 'POST';
  url: typeof BATCH_ENDPOINT;
  body: Record<string, unknown>;
}

/** One line of a batch's output or error file; `response` is null when the line never ran (the error says why). */
export const BatchOutputLine = z.object({
  custom_id: z.string(),
  response: z
    .object({ status_code: z.number(), body: z.unknown() })
    .nullable()
    .optional(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullable().optional(),
});
export type BatchOutputLine = z.infer<typeof BatchOutputLine>;

/**
 * The chat completion body of a call, built as the direct client sends it (same fields,
 * same order), so an endpoint answers a batched request as it would the same call made
 * directly. The JSON round trip drops the SDK's hidden parser from the response format.
 */
export function chatBody(options: { model: string; call: GenerateTextOptions | GenerateObjectOptions<unknown>; roleTemperature?: number }): Record<string, unknown> {
  const { model, call } = options;
  const temperature = call.temperature ?? options.roleTemperature;
  const body = {
    model,
    messages: call.messages,
    ...(temperature !== undefined ? { temperature } : {}),
    ...(call.seed !== undefined ? { seed: call.seed } : {}),
    ...(call.maxTokens !== undefined ? { max_tokens: call.maxTokens } : {}),
    ...('schema' in call ? { response_format: responseFormat(call.schema, call.name) } : {}),
  };
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}

/** The JSONL text of request lines, and its size in bytes. */
export function requestLinesText(lines: readonly BatchRequestLine[]): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
}
