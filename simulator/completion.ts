import type { ChatRequest } from './chat-request.ts';
import { messageText } from './chat-request.ts';

/** Token counts are estimated at four characters per token, as OpenAI's rule of thumb goes. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** An OpenAI chat.completion object. `created` comes from the request hash, so it is reproducible. */
export function completionBody(options: { request: ChatRequest; requestHash: number; contents: readonly string[]; finishReasons?: readonly ('stop' | 'length')[] }): string {
  const { request, requestHash, contents } = options;
  const promptTokens = estimateTokens(request.messages.map(messageText).join(''));
  const completionTokens = contents.reduce((sum, content) => sum + estimateTokens(content), 0);
  return JSON.stringify({
    id: `chatcmpl-sim-${requestHash.toString(16).padStart(8, '0')}`,
    object: 'chat.completion',
    created: 1_700_000_000 + (requestHash % 50_000_000),
    model: request.model,
    choices: contents.map((content, index) => ({
      index,
      message: { role: 'assistant', content, refusal: null },
      finish_reason: options.finishReasons?.[index] ?? 'stop',
      logprobs: null,
    })),
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    system_fingerprint: 'scarecrow-simulator',
  });
}
