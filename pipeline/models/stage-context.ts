import type { Config } from '../schemas/config.ts';
import type { RoleModels } from './create-models.ts';

/*
 * The contract between the stage graph (pipeline/stages/) and the stage functions of each concern:
 * it sits here, beneath both, so a concern never imports the graph that imports it.
 */

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

/** One item's work, done: its value, or the error it failed with (never dropped). */
export type Settled<T, R> = { item: T; ok: true; value: R } | { item: T; ok: false; error: unknown };
