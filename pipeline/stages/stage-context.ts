import type { RoleModels } from '../models/create-models.ts';
import type { Config } from '../schemas/config.ts';

/** What every stage gets besides its input: the run's config and its models. */
export interface StageContext {
  config: Config;
  models: RoleModels;
  signal?: AbortSignal;
}
