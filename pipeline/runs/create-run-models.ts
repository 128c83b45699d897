import { batchModel, type BatchRunOptions } from '../batch-api/batch-models.ts';
import { createBudgetedModel } from '../cost/budgeted-model.ts';
import type { CallBudget } from '../cost/call-budget.ts';
import { cacheModels, type ModelCacheOptions } from '../cost/cache-models.ts';
import { createModels, type CreateModelsOptions, type RoleModels } from '../models/create-models.ts';

export interface RunModelsOptions extends Omit<CreateModelsOptions, 'wrap'> {
  /** Asked before every call is made; absent when the config sets no budget. */
  budget?: CallBudget;
  /** Answers known from earlier calls are taken from it; absent with the cache off. */
  cache?: ModelCacheOptions;
  /** Roles with `batch: true` send their requests as Batch API jobs; absent, every call is direct (a queue's item jobs). */
  batch?: BatchRunOptions;
}

/**
 * A run's models: each role's own (models/), with the call budget beneath its retries so every
 * attempt is charged, the Batch API in front of it for roles with `batch: true`, and the response
 * cache in front of all. Composed here, above models/, cost/ and batch-api/, so none imports another's wrapper.
 */
export function createRunModels(options: RunModelsOptions): RoleModels {
  const { budget, cache, batch, ...rest } = options;
  const models = createModels({
    ...rest,
    wrap: {
      eachAttempt: budget ? (model, built) => createBudgetedModel({ model, budget, pricing: built.role.pricing, endpoint: built.endpoint }) : undefined,
      eachRole: batch
        ? (model, built) => (built.role.batch ? batchModel({ ...built, direct: model, budget, pricing: built.role.pricing, batch }) : model)
        : undefined,
    },
  });
  return cache ? cacheModels(models, options.config, cache) : models;
}
