import type { Redis } from 'ioredis';
import { EXPORT_STAGE, ITEM_STAGES, leadingBarrier, segmentOf, segments, stageNamed, type ItemStageName, type StageName } from '../pipeline/stages/stage-graph.ts';
import { runKeys, segmentTotalField } from './run-keys.ts';
import { RunSummary } from './run-summary.ts';

export type RunState = 'unknown' | StageName | 'done';

/** One item stage of a run: how many items were sent to it (null until known) and how many have a result. */
export interface StageProgress {
  stage: ItemStageName;
  entered: number | null;
  done: number;
}

/** The item stages before one barrier: how many items entered (null until known) and how many have left them. */
export interface SegmentProgress {
  opens: string;
  total: number | null;
  settled: number;
}

export interface RunProgress {
  runId: string;
  name: string | null;
  state: RunState;
  createdAt: number | null;
  finishedAt: number | null;
  /** Items of the first stage. */
  seeds: number;
  /** Items the dedupe barrier sent on (its survivors); null until it is done. */
  kept: number | null;
  /** Items settled before the export. */
  settled: number;
  /** The graph's item stages, in order. */
  stages: StageProgress[];
  /** The stages' counts are those a finished run's export kept (false while it runs, and for runs finished before it kept them). */
  finalCounts: boolean;
  segments: SegmentProgress[];
  summary: RunSummary | null;
  rewritesPerSeed: number;
}

/** A run's counts per stage, in one round trip: cheap enough to poll. */
export async function readRunProgress(options: { redis: Redis; prefix: string; runId: string }): Promise<RunProgress> {
  const keys = runKeys(options.prefix, options.runId);
  const allSegments = segments();
  const multi = options.redis.multi().hmget(keys.run, 'state', 'createdAt', 'finishedAt', 'summary', 'name', 'rewrites', 'stages', ...allSegments.map(segmentTotalField));
  for (const stage of ITEM_STAGES) multi.hlen(keys.results(stage));
  for (const stage of ITEM_STAGES) multi.hlen(keys.queued(stage));
  for (const segment of allSegments) multi.hlen(keys.settled(segment));
  const replies = (await multi.exec())!.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
  const [state, createdAt, finishedAt, summary, name, rewrites, finalStages, ...totals] = replies[0] as (string | null)[];
  const counts = replies.slice(1).map(Number);
  const segmentProgress: SegmentProgress[] = allSegments.map((segment, index) => ({
    opens: segment.opens,
    total: totals[index] === null || totals[index] === undefined ? null : Number(totals[index]),
    settled: counts[2 * ITEM_STAGES.length + index]!,
  }));
  // A finished run's results are gone; its export kept each stage's counts as they ended.
  const stages: StageProgress[] = finalStages
    ? (JSON.parse(finalStages) as StageProgress[])
    : ITEM_STAGES.map((stage, index) => {
        const segmentIndex = allSegments.findIndex((segment) => segment.stages.includes(stage));
        const first = allSegments[segmentIndex]!.stages[0] === stage;
        return { stage: stage.name, entered: first ? segmentProgress[segmentIndex]!.total : counts[ITEM_STAGES.length + index]!, done: counts[index]! };
      });
  // Named, not by position: the segment that opens with the stage dedupe sends its survivors to.
  const keptSegment = allSegments.findIndex((segment) => segment.stages[0]!.name === stageNamed('dedupe')?.next);
  const progress: RunProgress = {
    runId: options.runId,
    name: name ?? null,
    state: 'unknown',
    createdAt: createdAt ? Number(createdAt) : null,
    finishedAt: finishedAt ? Number(finishedAt) : null,
    seeds: segmentProgress[0]?.total ?? 0,
    kept: keptSegment < 0 ? null : segmentProgress[keptSegment]!.total,
    settled: segmentProgress.at(-1)?.settled ?? 0,
    stages,
    finalCounts: finalStages !== null && finalStages !== undefined,
    segments: segmentProgress,
    summary: summary ? RunSummary.parse(JSON.parse(summary)) : null,
    rewritesPerSeed: Number(rewrites ?? 1),
  };
  progress.state = stateOf(state ?? null, progress);
  return progress;
}

/** The stage a run is in: the first segment not settled yet (at its first stage with work left), the barrier before a segment not opened yet, or the export. */
function stateOf(stored: string | null, progress: RunProgress): RunState {
  if (stored === null) return 'unknown';
  if (stored === 'done' || stored === EXPORT_STAGE.name) return stored;
  const allSegments = segments();
  for (const [index, segment] of progress.segments.entries()) {
    const stages = allSegments[index]!.stages;
    if (segment.total === null) return index === 0 ? ((leadingBarrier()?.name ?? stages[0]!.name) as StageName) : (progress.segments[index - 1]!.opens as StageName);
    if (segment.settled >= segment.total) continue;
    const behind = stages.find((stage) => {
      const own = progress.stages.find((entry) => entry.stage === stage.name)!;
      return own.entered === null || own.done < own.entered;
    });
    return (behind ?? stages.at(-1)!).name as StageName;
  }
  return (progress.segments.at(-1)?.opens ?? EXPORT_STAGE.name) as StageName;
}

/** Seconds left, from the pace so far over the work known or estimated; null before there is a pace. */
export function estimateSecondsLeft(progress: RunProgress, options: { now?: number } = {}): number | null {
  if (progress.state === 'done' || progress.createdAt === null) return progress.state === 'done' ? 0 : null;
  let total = 0;
  let done = 0;
  let segmentItems = progress.seeds;
  for (const [index, segment] of progress.segments.entries()) {
    // A segment not opened yet gets as many items as the one before it, times the rewrites each seed asks for.
    segmentItems = segment.total ?? segmentItems * progress.rewritesPerSeed;
    let items = segmentItems;
    let previous: StageProgress | null = null;
    for (const stage of segments()[index]!.stages) {
      const own = progress.stages.find((entry) => entry.stage === stage.name)!;
      // Later stages of a segment get the share of items the stage before sent on so far.
      if (previous) items = Math.round(items * (previous.done > 0 ? (own.entered ?? 0) / previous.done : 1));
      total += items;
      done += own.done;
      previous = own;
    }
  }
  if (done === 0) return null;
  const elapsed = ((options.now ?? Date.now()) - progress.createdAt) / 1000;
  return Math.max(0, Math.round((elapsed / done) * (total - done)));
}

/** Whether every item of a stage's segment has passed the stage: all have left the segment, or, before its last stage, all have a result here. */
export function stagePassed(progress: RunProgress, stage: StageProgress): boolean {
  const declared = ITEM_STAGES.find((entry) => entry.name === stage.stage)!;
  const segment = segmentOf(declared);
  const counts = progress.segments.find((entry) => entry.opens === segment.opens)!;
  if (segment.stages.at(-1) === declared) return counts.total !== null && counts.settled >= counts.total;
  return stage.entered !== null && stage.done >= stage.entered;
}
