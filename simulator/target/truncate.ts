import { estimateTokens } from '../completion.ts';

/** One answer as sent: its text, and why it ended, as OpenAI reports it. */
export interface SentAnswer {
  content: string;
  finishReason: 'stop' | 'length';
}

/**
 * Cuts a target's answer at `maxTokens` (the request's max_tokens), as a real server stops
 * generating: the text ends where the budget did, mid-word if need be, with finish_reason
 * "length". Tokens are the simulator's four characters each, so usage never counts more than
 * the cap. An answer within it is sent whole, with "stop".
 */
export function capAnswer(content: string, maxTokens: number | null | undefined): SentAnswer {
  if (maxTokens === null || maxTokens === undefined || estimateTokens(content) <= maxTokens) return { content, finishReason: 'stop' };
  return { content: content.slice(0, maxTokens * 4), finishReason: 'length' };
}
