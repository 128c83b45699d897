import { z } from 'zod';

const ContentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

const ChatMessage = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(ContentPart), z.null()]).optional(),
});

/** The part of an OpenAI chat completions request the simulator reads; other fields are ignored. */
export const ChatRequest = z.looseObject({
  model: z.string().min(1),
  messages: z.array(ChatMessage).min(1),
  temperature: z.number().nullish(),
  seed: z.number().int().nullish(),
  n: z.number().int().min(1).max(16).nullish(),
  // Honoured on target answers (plain chat), which are cut at the limit as a real server cuts them.
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  stream: z.boolean().nullish(),
  response_format: z
    .looseObject({
      type: z.string(),
      json_schema: z.looseObject({ name: z.string() }).optional(),
    })
    .nullish(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

export function messageText(message: ChatRequest['messages'][number]): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.map((part) => part.text ?? '').join('\n');
}

/** Text of the last user message, where the prompt tags and target prompts live. */
export function lastUserText(request: ChatRequest): string {
  for (let index = request.messages.length - 1; index >= 0; index--) {
    if (request.messages[index].role === 'user') return messageText(request.messages[index]);
  }
  return messageText(request.messages[request.messages.length - 1]);
}

/** All message text, for tags that a caller put in the system message instead. */
export function allText(request: ChatRequest): string {
  return request.messages.map(messageText).join('\n');
}

/** The inner text of the last `<name>...</name>` in `text`, trimmed; null when absent. */
export function readTag(text: string, name: string): string | null {
  // The innermost pair, so a system message that merely mentions "<name> tags" is skipped.
  const pattern = new RegExp(`<${name}>((?:(?!<${name}>)[\\s\\S])*?)</${name}>`, 'gi');
  let found: string | null = null;
  for (const match of text.matchAll(pattern)) found = match[1].trim();
  return found;
}

/** The schema name when the request asks for structured output, else null (plain chat). */
export function schemaName(request: ChatRequest): string | null {
  const format = request.response_format;
  if (format?.type !== 'json_schema') return null;
  return format.json_schema?.name ?? '';
}
