import type { RoleModels } from '../models/create-models.ts';
import type { Config } from '../schemas/config.ts';

/** What every stage gets besides its input: the run's config and its models. */
export interface StageContext {
  config: Config;
  models: RoleModels;
  signal?: AbortSignal;
  /**
   * Keeps the result of one piece of work inside a stage under a key, for a runner that can reuse
   * it when the run is resumed (the in-process journal); absent, the work is simply done.
   */
  remember?: <T>(step: string, key: string, work: () => Promise<T>) => Promise<T>;
}
