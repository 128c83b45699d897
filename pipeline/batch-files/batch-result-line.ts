import { z } from 'zod';
import type { CachedAnswer } from '../cost/response-cache.ts';
import { describeIssue } from '../input/describe-issue.ts';
import type { Problem } from '../input/problems-error.ts';
import type { IndexEntry } from './export-index.ts';

/** One line of a batch output file, as `vllm run-batch` and OpenAI's Batch API write it. */
const ResultLine = z.looseObject({
  id: z.string().nullish(),
  custom_id: z.string().min(1),
  response: z.looseObject({ status_code: z.number().int(), body: z.unknown().nullish() }).nullish(),
  error: z.unknown().nullish(),
});

const ChatCompletion = z.looseObject({
  model: z.string().min(1),
  choices: z
    .array(
      z.looseObject({
        message: z.looseObject({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.looseObject({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) }).nullish(),
});

/** What one line says: an answer to store, a request that failed (reported, never stored), or bad input. */
export type ReadResult =
  | { kind: 'answer'; customId: string; answer: CachedAnswer }
  | { kind: 'failed'; customId: string; reason: string }
  | { kind: 'problem'; problem: Omit<Problem, 'line'> };

/**
 * Reads one non-blank line of a batch output file against the requests exported. Bad input
 * (not JSON, not a batch output line, an unknown custom_id, an answer of another model) is a
 * problem naming the field; a request the server could not answer (an error, a status other
 * than 200, a structured answer cut short or not JSON) is a failure with its reason.
 */
export function readResultLine(text: string, exported: ReadonlyMap<string, IndexEntry>): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'problem', problem: { message: 'not JSON: a batch output file has one JSON object a line' } };
  }
  const line = ResultLine.safeParse(json);
  if (!line.success) return problemOf(line.error.issues[0]!, []);
  const { custom_id: customId, response, error } = line.data;
  const entry = exported.get(customId);
  if (!entry) return { kind: 'problem', problem: { field: 'custom_id', message: `${customId} is not a request exported from this config's cache (export with the same config and --output)` } };
  if ((error !== null && error !== undefined) || !response || response.status_code !== 200) {
    return { kind: 'failed', customId, reason: failureReason({ error, response }) };
  }
  const completion = ChatCompletion.safeParse(response.body);
  if (!completion.success) return problemOf(completion.error.issues[0]!, ['response', 'body']);
  const { model, choices, usage } = completion.data;
  if (!sameModel(model, entry.model)) return { kind: 'problem', problem: { field: 'response.body.model', message: `${model}, but the request was for ${entry.slot} (${entry.model})` } };
  const choice = choices[0]!;
  const tokens = { promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 };
  if (!entry.structured) return { kind: 'answer', customId, answer: { text: choice.message.content ?? '', usage: tokens } };
  // As the direct call treats them: a structured answer cut at max_tokens, refused or not JSON is no answer.
  if (choice.finish_reason === 'length') return { kind: 'failed', customId, reason: 'the answer was cut at max_tokens (finish_reason length)' };
  if (choice.message.refusal) return { kind: 'failed', customId, reason: `the model refused to answer: ${choice.message.refusal.slice(0, 200)}` };
  try {
    return { kind: 'answer', customId, answer: { object: JSON.parse(choice.message.content ?? ''), usage: tokens } };
  } catch {
    return { kind: 'failed', customId, reason: 'the answer is not the JSON object its response_format asks for' };
  }
}

/** vLLM answers under the name it was asked by; OpenAI under a dated snapshot of it (gpt-4o-2024-08-06 for gpt-4o). */
function sameModel(answered: string, asked: string): boolean {
  return answered === asked || (answered.startsWith(`${asked}-`) && /^\d{4}-\d{2}-\d{2}$/.test(answered.slice(asked.length + 1)));
}

function problemOf(issue: z.core.$ZodIssue, prefix: PropertyKey[]): ReadResult {
  const described = describeIssue({ ...issue, path: [...prefix, ...issue.path] });
  return { kind: 'problem', problem: { field: described.field, message: described.message } };
}

/** The server's own words where it gave any: vLLM writes a string or an error object, OpenAI an error body. */
function failureReason(options: { error: unknown; response: { status_code: number; body?: unknown } | null | undefined }): string {
  const status = options.response ? `status ${options.response.status_code}` : 'no response';
  const said = messageOf(options.error) ?? messageOf((options.response?.body as { error?: unknown } | null | undefined)?.error);
  return said ? `${status}: ${said.slice(0, 300)}` : status;
}

function messageOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value !== 'object' || value === null) return null;
  const record = value as { message?: unknown; error?: unknown };
  if (typeof record.message === 'string') return record.message;
  return messageOf(record.error);
}
