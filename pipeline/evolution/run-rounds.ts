import type { EarlierIndex } from '../dedupe/earlier-index.ts';
import { judge } from '../judging/judge-stage.ts';
import { probe } from '../refusal/probe-stage.ts';
import type { Candidate, DatasetRecord, DuplicateRecord, Failure, JudgedCandidate } from '../schemas/candidate.ts';
import type { Settled, StageContext } from '../models/stage-context.ts';
import { dedupeChildren } from './dedupe-children.ts';
import type { EvolveState } from './evolve-state.ts';
import { MUTATE_TEMPLATE_VERSION } from './mutate-prompt.ts';
import { mutate } from './mutate-stage.ts';
import { OPERATORS } from './operators.ts';
import type { MutationTask } from './plan-round.ts';
import { inRoundOrder, orderChildren } from './order-children.ts';
import { roundPredictor } from './predictor-summary.ts';
import { closeRound, collectChildDedupe, collectChildJudgements, collectChildProbes, collectMutations, collectScreens, collectUnprobed, openRound } from './round-steps.ts';
import { screen } from './screen-stage.ts';

/** Runs one item step of a round on every item; the runner decides how (journalled, on a queue) and reports progress. */
export type MapItems = <T, R>(options: { step: RoundItemStep; items: T[]; key: (item: T) => string; work: (item: T) => Promise<R> }) => Promise<Settled<T, R>[]>;

export type RoundItemStep = 'mutate' | 'evolve-judge' | 'screen' | 'evolve-probe';

/** Everything that shapes a mutation's answer, so a resumed run reuses it only when all of it is the same. */
export function mutationKey(task: MutationTask): string {
  return JSON.stringify({ round: task.round, operator: OPERATORS[task.operator].version, template: MUTATE_TEMPLATE_VERSION, parent: task.parent.prompt, seed: task.parent.seed, probes: task.parent.probes, partner: task.partner?.prompt ?? null, count: task.count });
}

const childKey = (child: Candidate) => `${child.id}/${child.seed.id}`;

/** The run so far, as the rounds read and extend it. */
export interface RoundsRun {
  records: DatasetRecord[];
  duplicates: DuplicateRecord[];
  failures: Failure[];
  against?: EarlierIndex;
  evolve: EvolveState;
}

/** The prompts a round's children must not repeat: every record and every failed candidate with a prompt. */
export function seenPrompts(run: Pick<RoundsRun, 'records' | 'failures'>): { id: string; prompt: string }[] {
  return [...run.records.map(({ id, prompt }) => ({ id, prompt })), ...run.failures.flatMap((failure) => (failure.prompt && failure.kind === 'candidate' && failure.stage !== 'evolve' ? [{ id: failure.id, prompt: failure.prompt }] : []))];
}

/** One search round, step by step; `records`, `duplicates` and `failures` grow by what it makes. */
export async function runRound(run: RoundsRun, options: { context: StageContext; mapItems: MapItems }): Promise<void> {
  const { context, mapItems } = options;
  const { evolve } = run;
  openRound(evolve, { records: run.records, config: context.config.evolve });
  const mutated = await mapItems({ step: 'mutate', items: evolve.current.tasks, key: mutationKey, work: (task) => mutate(task, context) });
  collectMutations(evolve, mutated, run.failures);
  collectChildDedupe(evolve, await dedupeChildren({ children: evolve.current.children, seen: seenPrompts(run), against: run.against }, context), run.duplicates);
  const judged = await mapItems({ step: 'evolve-judge', items: evolve.current.kept, key: childKey, work: (child) => judge(child, context) });
  collectChildJudgements(evolve, judged, run.failures);
  const toScreen = evolve.current.judged.filter((child) => child.label !== 'harmful');
  const order = await orderChildren({ children: toScreen, records: run.records, context });
  collectUnprobed(evolve, { unprobed: order.unprobed, budget: context.config.evolve.probesPerRound, ranked: order.predicted !== null }, run.failures);
  // Asked most likely hard first, folded in the round's order.
  const screened = await mapItems({ step: 'screen', items: order.probe, key: childKey, work: (child: JudgedCandidate) => screen(child, context) });
  const passedIds = new Set(collectScreens(evolve, inRoundOrder(screened, toScreen), run.failures).map((child) => child.id));
  const probed = await mapItems({ step: 'evolve-probe', items: order.probe.filter((child) => passedIds.has(child.id)), key: childKey, work: (child) => probe(child, context) });
  collectChildProbes(evolve, inRoundOrder(probed, toScreen), run.failures);
  closeRound(evolve);
  const predictor = roundPredictor({ round: evolve.round, order, records: evolve.current.records, refusalThreshold: context.config.probe.refusalThreshold });
  if (predictor) evolve.predictorRounds.push(predictor);
  run.records.push(...evolve.current.records);
}

/** Every configured round, one after another. */
export async function runRounds(run: RoundsRun, options: { context: StageContext; mapItems: MapItems }): Promise<void> {
  while (run.evolve.round < options.context.config.evolve.rounds) await runRound(run, options);
}
