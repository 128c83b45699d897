import { describeError } from '../errors/retryable.ts';
import { toRecord } from '../refusal/probe-stage.ts';
import type { Settled } from '../models/stage-context.ts';
import type { Candidate, DatasetRecord, DuplicateRecord, Failure, JudgedCandidate } from '../schemas/candidate.ts';
import type { DedupeOutput } from '../dedupe/dedupe-stage.ts';
import { lineageOf } from '../schemas/candidate.ts';
import type { EvolveConfig, OperatorName } from '../schemas/evolve.ts';
import type { ChildFate } from './bandit.ts';
import { emptyRound, type EvolveState } from './evolve-state.ts';
import type { MutateOutput } from './mutate-stage.ts';
import { planRound, taskId, type MutationTask } from './plan-round.ts';
import { recordCalls, type RoundStats } from './round-stats.ts';
import type { ScreenOutput } from './screen-stage.ts';

/**
 * A round's steps between its item stages, as pure folds over the run's results: both runners
 * call them in the same order with the same results, so they reach the same dataset. Each
 * round: plan (barrier), mutate (per task), dedupe children (barrier), judge (per child),
 * screen (per benign child), probe (per child that passed), close (barrier).
 */

/** Children keep their lineage on the record; first-round prompts have round 0. */
export function childRecord(candidate: JudgedCandidate, options: { probes: DatasetRecord['probes']; hard: boolean }): DatasetRecord {
  return { ...toRecord(candidate, options), lineage: lineageOf(candidate) };
}

/** Opens the next round: its parents and its generator calls, from every record so far. */
export function openRound(evolve: EvolveState, options: { records: readonly DatasetRecord[]; config: EvolveConfig }): void {
  evolve.round += 1;
  evolve.current = emptyRound();
  const plan = planRound({ round: evolve.round, records: options.records, usedParents: new Set(evolve.usedParents), fates: evolve.fates, evolve: options.config });
  evolve.current.parents = plan.parents;
  evolve.current.tasks = plan.tasks;
  evolve.usedParents.push(...plan.parents.map((parent) => parent.id));
}

export function collectMutations(evolve: EvolveState, results: Settled<MutationTask, MutateOutput>[], failures: Failure[]): void {
  for (const result of results) {
    const task = result.item;
    if (!result.ok) {
      evolve.current.failedTasks.push(task);
      failures.push({ stage: 'evolve', kind: 'candidate', id: `${task.parent.id}#round-${task.round}-${task.operator}`, seed_id: task.parent.seed.id, prompt: task.parent.prompt, reason: describeError(result.error) });
      continue;
    }
    evolve.current.children.push(...result.value.children);
    for (let index = 0; index < result.value.emptyChildren; index += 1) {
      failures.push({ stage: 'evolve', kind: 'candidate', id: `${taskId(task)}#empty-${index + 1}`, seed_id: task.parent.seed.id, prompt: null, reason: 'the generator returned an empty child' });
    }
  }
}

/** The children that go on to the judges; each removed one is a duplicate of its operator's. */
export function collectChildDedupe(evolve: EvolveState, output: DedupeOutput, duplicates: DuplicateRecord[]): void {
  evolve.current.kept = output.kept;
  duplicates.push(...output.duplicates);
  const operatorOf = new Map(evolve.current.children.map((child) => [`${child.id}/${child.seed.id}`, lineageOf(child).operator!]));
  evolve.current.duplicateOperators = output.duplicates.map((duplicate) => operatorOf.get(`${duplicate.removed_id}/${duplicate.seed_id}`)!);
}

export function collectChildJudgements(evolve: EvolveState, results: Settled<Candidate, JudgedCandidate>[], failures: Failure[]): DatasetRecord[] {
  const toxic: DatasetRecord[] = [];
  for (const result of results) {
    if (!result.ok) {
      evolve.current.failedChildren.push(result.item.id);
      failures.push(candidateFailure('judge', result.item, result.error));
      continue;
    }
    evolve.current.judged.push(result.value);
    // The safety gate: a child judged harmful goes to the toxic records, never to `all`, and is not probed.
    if (result.value.label === 'harmful') toxic.push(childRecord(result.value, { probes: [], hard: false }));
  }
  evolve.current.records.push(...toxic);
  return toxic;
}

/** Children beyond the round's probe budget: failures that say why, never labelled, and no reward or penalty for their operator. */
export function collectUnprobed(evolve: EvolveState, options: { unprobed: readonly JudgedCandidate[]; budget: number | null; ranked: boolean }, failures: Failure[]): void {
  const why = options.ranked ? 'the refusal predictor ranked it below those it probed' : "it came after those in the round's order";
  for (const child of options.unprobed) {
    evolve.current.unprobed.push(child.id);
    failures.push({ stage: 'probe', kind: 'candidate', id: child.id, seed_id: child.seed.id, prompt: child.prompt, reason: `not probed: round ${evolve.round} sends at most evolve.probesPerRound (${options.budget}) children to the targets, and ${why}` });
  }
}

/** Children the screen let through; the rest are recorded with their screen as their probes. */
export function collectScreens(evolve: EvolveState, results: Settled<JudgedCandidate, ScreenOutput>[], failures: Failure[]): JudgedCandidate[] {
  const passed: JudgedCandidate[] = [];
  for (const result of results) {
    if (!result.ok) {
      evolve.current.failedChildren.push(result.item.id);
      failures.push(candidateFailure('probe', result.item, result.error));
      continue;
    }
    evolve.current.screened.push({ child: result.item, screen: result.value });
    if (result.value.passed) passed.push(result.item);
    else evolve.current.records.push(childRecord(result.item, { probes: result.value.probes, hard: false }));
  }
  return passed;
}

export function collectChildProbes(evolve: EvolveState, results: Settled<JudgedCandidate, DatasetRecord>[], failures: Failure[]): void {
  for (const result of results) {
    if (!result.ok) {
      evolve.current.failedChildren.push(result.item.id);
      failures.push(candidateFailure('probe', result.item, result.error));
      continue;
    }
    evolve.current.records.push({ ...result.value, lineage: lineageOf(result.item) });
  }
}

/** Closes the round: every child's fate goes to the bandit, and the round's funnel to the stats. */
export function closeRound(evolve: EvolveState): RoundStats {
  const { current } = evolve;
  const fates: { operator: OperatorName; fate: ChildFate }[] = [];
  const byId = new Map(current.records.map((record) => [record.id, record]));
  const failed = new Set(current.failedChildren);
  const unprobed = new Set(current.unprobed);
  for (const child of current.kept) {
    if (unprobed.has(child.id)) continue;
    const record = byId.get(child.id);
    const fate: ChildFate = failed.has(child.id) || !record ? 'failed' : record.label === 'harmful' ? 'harmful' : record.hard ? 'hard' : 'kept';
    fates.push({ operator: lineageOf(child).operator!, fate });
  }
  for (const operator of current.duplicateOperators) fates.push({ operator, fate: 'duplicate' });
  for (const task of current.failedTasks) for (let index = 0; index < task.count; index += 1) fates.push({ operator: task.operator, fate: 'failed' });
  evolve.fates.push(...fates);

  const probedIds = new Set(current.screened.filter((entry) => entry.screen.passed).map((entry) => entry.child.id));
  const fullyProbed = current.records.filter((record) => probedIds.has(record.id));
  const screenedCalls = current.screened.reduce((sum, entry) => sum + entry.screen.probes.reduce((total, probe) => total + probe.samples, 0), 0);
  const judged = recordCalls(current.judged.map((child) => ({ ...childRecord(child, { probes: [], hard: false }) })));
  const probed = recordCalls(fullyProbed);
  const generator = current.tasks.length - current.failedTasks.length;
  const calls = { generator, judges: judged.judges, targets: screenedCalls + probed.targets, refusal_judge: probed.refusal_judge, total: 0 };
  calls.total = calls.generator + calls.judges + calls.targets + calls.refusal_judge;

  const operators: RoundStats['operators'] = {};
  for (const { operator, fate } of fates) {
    const entry = (operators[operator] ??= { children: 0, hard: 0, harmful: 0, duplicates: 0 });
    entry.children += 1;
    if (fate === 'hard') entry.hard += 1;
    if (fate === 'harmful') entry.harmful += 1;
    if (fate === 'duplicate') entry.duplicates += 1;
  }
  const count = (fate: ChildFate) => fates.filter((entry) => entry.fate === fate).length;
  const stats: RoundStats = {
    round: evolve.round,
    parents: current.parents.length,
    tasks: current.tasks.length,
    children: fates.length + unprobed.size,
    duplicates: count('duplicate'),
    harmful: count('harmful'),
    screened: current.screened.length,
    probed: fullyProbed.length,
    unprobed: unprobed.size,
    hard: count('hard'),
    failed: count('failed'),
    calls,
    operators,
  };
  evolve.rounds.push(stats);
  return stats;
}

function candidateFailure(stage: Failure['stage'], candidate: Candidate, error: unknown): Failure {
  return { stage, kind: 'candidate', id: candidate.id, seed_id: candidate.seed.id, prompt: candidate.prompt, reason: describeError(error) };
}
