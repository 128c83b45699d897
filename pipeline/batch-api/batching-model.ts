import { budgetExhaustedError } from '../errors/budget-exhausted-error.ts';
import { ModelOutputError } from '../errors/model-output-error.ts';
import type { CallBudget } from '../cost/call-budget.ts';
import { costUsd, estimatePromptTokens } from '../cost/estimate-tokens.ts';
import { requestKey, type RequestIdentity } from '../cost/request-key.ts';
import type { GenerateObjectOptions, GenerateTextOptions, LanguageModel, ModelUsage } from '../models/language-model.ts';
import type { Pricing, UsageMeter } from '../models/usage-meter.ts';
import type { BatchCollector, LineOutcome } from './batch-collector.ts';
import type { BatchCounter } from './batch-counts.ts';
import { BATCH_ENDPOINT, chatBody } from './batch-line.ts';

/** Assumed answer length of a call with no max_tokens, for the budget's estimate. */
const UNCAPPED_ANSWER_TOKENS = 1024;

/** What a batched request costs: half the price of the same call made directly. */
export function batchPricing(pricing: Pricing | undefined): Pricing | undefined {
  return pricing && { inputPerMillion: pricing.inputPerMillion / 2, outputPerMillion: pricing.outputPerMillion / 2 };
}

export interface BatchingModelOptions {
  /** The role's model name, sent in every line. */
  model: string;
  /** The same role's direct model (retries, gate, budget, usage): it answers every request the batch did not. */
  direct: LanguageModel;
  collector: BatchCollector;
  identity: RequestIdentity;
  roleTemperature?: number;
  meter?: UsageMeter;
  usageRole: string;
  /** The role's pricing; a batched request is counted at half of it. */
  pricing?: Pricing;
  budget?: CallBudget;
  endpoint: string;
  counter?: BatchCounter;
}

/**
 * A role's model whose requests go through the Batch API: each call becomes one line of the next
 * batch, and its promise is settled from the batch's output file by custom_id. A request the batch
 * did not answer (its line failed, the batch expired, it could not be sent or read, the answer
 * did not parse) is made as a direct call instead, with that call's retries, and fails the item
 * only if those fail too: nothing is lost. Stages see a LanguageModel like any other.
 */
export function createBatchingModel(options: BatchingModelOptions): LanguageModel {
  const { model, direct, collector, identity, meter, usageRole, budget, endpoint, counter } = options;
  const pricing = batchPricing(options.pricing);
  // Two identical requests in one run (without the cache) are two lines; their ids stay apart by a count.
  const asked = new Map<string, number>();

  function customId(call: GenerateTextOptions | GenerateObjectOptions<unknown>): string {
    const key = requestKey(identity, call).slice(0, 40);
    const count = asked.get(key) ?? 0;
    asked.set(key, count + 1);
    return `sc-${key}-${count}`;
  }

  async function batched<R extends { usage: ModelUsage }>(call: GenerateTextOptions | GenerateObjectOptions<unknown>, read: (body: unknown) => R, fallback: () => Promise<R>): Promise<R> {
    call.signal?.throwIfAborted();
    const line = { custom_id: customId(call), method: 'POST' as const, url: BATCH_ENDPOINT as typeof BATCH_ENDPOINT, body: chatBody({ model, call, roleTemperature: options.roleTemperature }) };
    const estimate = costUsd({ promptTokens: estimatePromptTokens(call.messages), completionTokens: call.maxTokens ?? UNCAPPED_ANSWER_TOKENS }, pricing);
    const ticket = budget ? await budget.admit(estimate) : null;
    if (ticket && 'refusedBy' in ticket) {
      const limit = ticket.refusedBy === 'budget.maxCalls' ? budget!.limits.maxCalls! : budget!.limits.maxCostUsd!;
      throw budgetExhaustedError({ field: ticket.refusedBy, limit, endpoint });
    }
    let outcome: LineOutcome;
    try {
      outcome = await untilAborted(collector.request(line, call.signal), call.signal);
    } catch (error) {
      if (ticket) await budget!.settle(ticket, 0);
      throw error;
    }
    let result: R | null = null;
    if (outcome.ok) {
      try {
        result = read(outcome.line.response?.body);
      } catch {
        // An answer that does not parse is asked again directly, as a direct call's would be.
      }
    }
    if (ticket) await budget!.settle(ticket, result ? costUsd(result.usage, pricing) : 0);
    if (result) {
      meter?.record(usageRole, result.usage, pricing);
      counter?.batched(usageRole);
      return result;
    }
    // The line was a request made (and perhaps billed) that gave nothing usable: counted as a failed call, as a failed attempt is.
    meter?.recordFailure(usageRole, pricing);
    counter?.direct(usageRole);
    return fallback();
  }

  return {
    id: direct.id,
    generateText: (call) => batched(call, (body) => ({ text: completionOf(body, { endpoint, structured: false }).content ?? '', usage: usageOf(body) }), () => direct.generateText(call)),
    generateObject: <T>(call: GenerateObjectOptions<T>) =>
      batched(
        call as GenerateObjectOptions<unknown>,
        (body) => {
          const message = completionOf(body, { endpoint, structured: true });
          if (message.refusal) throw new ModelOutputError({ message: `the model refused to answer: ${message.refusal}`, endpoint });
          return { object: call.schema.parse(JSON.parse(message.content ?? '')), usage: usageOf(body) };
        },
        () => direct.generateObject(call),
      ),
  };
}

interface Completion {
  choices?: { message?: { content?: string | null; refusal?: string | null }; finish_reason?: string }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

function completionOf(body: unknown, options: { endpoint: string; structured: boolean }): { content?: string | null; refusal?: string | null } {
  const { endpoint } = options;
  const choice = (body as Completion | null)?.choices?.[0];
  if (!choice?.message) throw new ModelOutputError({ message: 'the batch answer was not a chat completion', endpoint });
  // A truncated structured answer is not trusted, as the SDK's parse refuses one in a direct call; a truncated text is just short.
  if (options.structured && choice.finish_reason === 'length') throw new ModelOutputError({ message: 'the batch answer was cut at max_tokens', endpoint });
  return choice.message;
}

function usageOf(body: unknown): ModelUsage {
  const usage = (body as Completion).usage;
  return { promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 };
}

/** The outcome, or the abort's reason as soon as the call is stopped: the batch goes on at the endpoint, journalled for a resumed run. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
