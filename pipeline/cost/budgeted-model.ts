import { budgetExhaustedError } from '../errors/budget-exhausted-error.ts';
import type { GenerateObjectOptions, GenerateTextOptions, LanguageModel, ModelUsage } from '../models/language-model.ts';
import type { Pricing } from '../models/usage-meter.ts';
import type { CallBudget } from './call-budget.ts';
import { costUsd, estimatePromptTokens } from './estimate-tokens.ts';

/** Assumed answer length of a call with no max_tokens, until the role has answered once. */
const FIRST_ANSWER_TOKENS = 1024;

/**
 * A model whose every attempt asks the run's budget first, so the run never makes a call
 * past it. It sits below the retries (each attempt is a call) and above the endpoint. A
 * call's cost is estimated beforehand from its messages and its max_tokens, or the
 * longest answer the role has given so far when it sets none.
 */
export function createBudgetedModel(options: { model: LanguageModel; budget: CallBudget; pricing?: Pricing; endpoint: string }): LanguageModel {
  const { model, budget, pricing, endpoint } = options;
  let longestAnswer = 0;

  async function guarded<R extends { usage: ModelUsage }>(call: GenerateTextOptions, invoke: () => Promise<R>): Promise<R> {
    const completionTokens = call.maxTokens ?? (longestAnswer || FIRST_ANSWER_TOKENS);
    const estimate = costUsd({ promptTokens: estimatePromptTokens(call.messages), completionTokens }, pricing);
    const ticket = await budget.admit(estimate);
    if ('refusedBy' in ticket) {
      const limit = ticket.refusedBy === 'budget.maxCalls' ? budget.limits.maxCalls! : budget.limits.maxCostUsd!;
      throw budgetExhaustedError({ field: ticket.refusedBy, limit, endpoint });
    }
    try {
      const result = await invoke();
      longestAnswer = Math.max(longestAnswer, result.usage.completionTokens);
      await budget.settle(ticket, costUsd(result.usage, pricing));
      return result;
    } catch (error) {
      // A failed attempt still counts as a call made; what it cost, if anything, is unknown.
      await budget.settle(ticket, 0);
      throw error;
    }
  }

  return {
    id: model.id,
    generateText: (call) => guarded(call, () => model.generateText(call)),
    generateObject: <T>(call: GenerateObjectOptions<T>) => guarded(call, () => model.generateObject(call)),
  };
}
