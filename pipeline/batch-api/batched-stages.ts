import type { RoleName } from '../models/roles.ts';
import type { Config, ModelRole } from '../schemas/config.ts';
import type { Segment } from '../stages/stage-graph.ts';

/** The role slots of a role name in a config. */
function slotsOf(config: Config, role: RoleName): ModelRole[] {
  if (role === 'generator') return [config.generator];
  if (role === 'judges') return config.judges;
  if (role === 'targets') return config.targets;
  return config.refusalJudge ? [config.refusalJudge] : [];
}

/** Whether a stage calls, for this config, a role whose requests go as batches. */
export function stageUsesBatches(stage: { roles: readonly RoleName[] }, config: Config): boolean {
  return stage.roles.some((role) => slotsOf(config, role).some((slot) => slot.batch === true));
}

/**
 * Whether the queue runs a segment (the item stages before a barrier) as one job instead of a
 * job per item: a batch gathers the requests of every item of a stage, which a job per item
 * cannot, so when any stage of the segment sends batches the whole segment is one barrier-style
 * job, running its stages in order over all its items in one worker, as the in-process runner does.
 */
export function segmentUsesBatches(segment: Segment, config: Config): boolean {
  return segment.stages.some((stage) => stageUsesBatches(stage, config));
}
