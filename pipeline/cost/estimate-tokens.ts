import type { ChatMessage, ModelUsage } from '../models/language-model.ts';
import type { Pricing } from '../models/usage-meter.ts';

/** About four characters a token for English text: the estimate the budget and the plan work with. */
export const CHARACTERS_PER_TOKEN = 4;

export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  // Each message carries a few tokens of framing besides its text.
  return messages.reduce((sum, message) => sum + Math.ceil(message.content.length / CHARACTERS_PER_TOKEN) + 4, 0);
}

export function costUsd(usage: ModelUsage, pricing: Pricing | undefined): number {
  if (!pricing) return 0;
  return (usage.promptTokens * pricing.inputPerMillion + usage.completionTokens * pricing.outputPerMillion) / 1e6;
}
