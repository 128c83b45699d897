import type { LanguageModel, ModelUsage } from '../pipeline/models/language-model.ts';
import type { RoleModels } from '../pipeline/models/create-models.ts';
import type { Pricing, UsageMeter } from '../pipeline/models/usage-meter.ts';
import type { Config } from '../pipeline/schemas/config.ts';

/**
 * The run's shared models, counted into one job's meter. A job stores its own usage
 * with its result, so a retried job replaces its count instead of adding to it.
 */
export function meteredModels(models: RoleModels, options: { config: Config; meter: UsageMeter }): RoleModels {
  const { config, meter } = options;
  const wrap = (model: LanguageModel, role: string, pricing?: Pricing) => metered({ model, meter, role, pricing });
  return {
    generator: wrap(models.generator, `generator:${config.generator.model}`, config.generator.pricing),
    judges: models.judges.map((model, index) => wrap(model, `judge:${config.judges[index]!.model}`, config.judges[index]!.pricing)),
    targets: models.targets.map((model, index) => wrap(model, `target:${config.targets[index]!.model}`, config.targets[index]!.pricing)),
    refusalJudge: models.refusalJudge && config.refusalJudge ? wrap(models.refusalJudge, `refusal-judge:${config.refusalJudge.model}`, config.refusalJudge.pricing) : null,
  };
}

function metered(options: { model: LanguageModel; meter: UsageMeter; role: string; pricing?: Pricing }): LanguageModel {
  const { model, meter, role, pricing } = options;
  async function count<R extends { usage: ModelUsage }>(call: () => Promise<R>): Promise<R> {
    try {
      const result = await call();
      meter.record(role, result.usage, pricing);
      return result;
    } catch (error) {
      meter.recordFailure(role, pricing);
      throw error;
    }
  }
  return {
    id: model.id,
    generateText: (call) => count(() => model.generateText(call)),
    generateObject: (call) => count(() => model.generateObject(call)),
  };
}
