import type { CallBudget } from '../cost/call-budget.ts';
import type { LanguageModel } from '../models/language-model.ts';
import type { Pricing, UsageMeter } from '../models/usage-meter.ts';
import type { ModelRole } from '../schemas/config.ts';
import { BatchClient } from './batch-client.ts';
import { BatchCollector, type BatchProgress } from './batch-collector.ts';
import type { BatchJournal } from './batch-journal.ts';
import type { BatchCounter } from './batch-counts.ts';
import { createBatchingModel } from './batching-model.ts';

/** What a runner hands model building so roles with `batch: true` go through the Batch API. */
export interface BatchRunOptions {
  journal: BatchJournal;
  onProgress?: (progress: BatchProgress) => void;
  /** Counts the requests batches answered and those made directly instead, for the manifest. */
  counter?: BatchCounter;
  /** Quiet window and first poll wait, in ms; short defaults suit a local endpoint and cost a real one nothing. */
  quietMs?: number;
  pollMs?: number;
}

/** The batching model of one role slot, in front of its direct model. */
export function batchModel(options: {
  role: ModelRole;
  slot: string;
  usageRole: string;
  direct: LanguageModel;
  baseURL: string;
  apiKey: string;
  timeoutMs: number;
  secrets: readonly string[];
  endpoint: string;
  meter?: UsageMeter;
  budget?: CallBudget;
  pricing?: Pricing;
  batch: BatchRunOptions;
}): LanguageModel {
  const { role, batch } = options;
  const client = new BatchClient({ baseURL: options.baseURL, apiKey: options.apiKey, timeoutMs: options.timeoutMs, endpoint: options.endpoint, secrets: options.secrets });
  const collector = new BatchCollector({ client, journal: batch.journal, slot: options.slot, onProgress: batch.onProgress, quietMs: batch.quietMs, pollMs: batch.pollMs });
  return createBatchingModel({
    model: role.model,
    direct: options.direct,
    collector,
    // Ids name the endpoint as messages do (the built-in simulator by model, not by its port), so a journalled batch is only taken for the same endpoint's.
    identity: { endpoint: options.endpoint, model: role.model, temperature: role.temperature, slot: options.slot },
    roleTemperature: role.temperature,
    meter: options.meter,
    usageRole: options.usageRole,
    pricing: options.pricing,
    budget: options.budget,
    endpoint: options.endpoint,
    counter: batch.counter,
  });
}

/** Whether any role of a config sends its requests as batches. */
export function usesBatches(config: { generator: ModelRole; judges: ModelRole[]; targets: ModelRole[]; refusalJudge?: ModelRole | null }): boolean {
  return [config.generator, ...config.judges, ...config.targets, ...(config.refusalJudge ? [config.refusalJudge] : [])].some((role) => role.batch);
}
