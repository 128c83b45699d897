import { z } from 'zod';
import { exportDataset } from '../dataset/export-stage.ts';
import { dedupe } from '../dedupe/dedupe-stage.ts';
import { generate } from '../generation/generate-stage.ts';
import { judge } from '../judging/judge-stage.ts';
import { probe } from '../refusal/probe-stage.ts';
import { evolve, EvolveOutput } from '../evolution/evolve-stage.ts';
import { expandSeeds } from '../expansion/expand-seeds.ts';
import { Untranslated } from '../generation/translate-rewrites.ts';
import { ExpandOutput } from '../expansion/expand-output.ts';
import { FIRST_ROUND_LINEAGE } from '../schemas/evolve.ts';
import { collectGenerated, collectJudged, collectProbed, harmfulRecords } from './collect-results.ts';
import { Candidate, DatasetRecord, DuplicateRecord, JudgedCandidate } from '../schemas/candidate.ts';
import type { Config } from '../schemas/config.ts';
import { Seed } from '../schemas/seed.ts';
import type { RoleName } from '../models/roles.ts';
import { isProbed, probeCallsModel } from './routing-rules.ts';
import type { RunState } from './run-state.ts';
import type { Settled, StageContext } from '../models/stage-context.ts';

/*
 * The pipeline's shape, declared once; the in-process runner and the queue workers both walk it.
 *
 * A stage declaration says what the stage is, not how a runner schedules it:
 * - `kind`: an `item` stage works on one seed or one candidate at a time (one job each on the
 *   queue); a `barrier` needs every result of the stages before it at once (one job per run).
 * - `roles`: the model roles its function calls.
 * - `run`: its function; `produces`: the name of what it makes (its results in Redis, too).
 * - `items` / `collect`: which items it takes from the run so far, and how its results are
 *   folded back into it. Both runners fold with these, so they account for items alike.
 * - `next`: the stage after it. An item stage's `continues` says whether an item goes on to the
 *   next item stage or leaves here (a harmful verdict leaves for the toxic records);
 *   `callsModel` says whether the stage calls a model at all for a config.
 * Adding a stage means adding a declaration here and writing its function.
 */

export interface ItemStageDeclaration<N extends string = string, I = unknown, O = unknown> {
  name: N;
  kind: 'item';
  roles: readonly RoleName[];
  /** What one item is, and the field a job carries it under. */
  over: 'seed' | 'candidate';
  item: z.ZodType<I>;
  /** What `run` returns for one item; checked when read back from storage. */
  output: z.ZodType<O>;
  produces: string;
  next: string;
  items(state: RunState): I[];
  /** The id its results are stored and its job is named under. */
  itemId(item: I): string;
  /** The key a resumed in-process run finds its result under: everything that shapes the answer. */
  resumeKey(item: I): string;
  run(item: I, context: StageContext): Promise<O>;
  collect(results: Settled<I, O>[], state: RunState): void;
  /** Whether an item with this result goes on to the next item stage; true when absent. */
  continues?(value: O): boolean;
  /** Whether the stage calls a model for this config; true when absent. */
  callsModel?(config: Config): boolean;
}

export interface BarrierStageDeclaration<N extends string = string, O = unknown> {
  name: N;
  kind: 'barrier';
  roles: readonly RoleName[];
  output: z.ZodType<O>;
  produces: string;
  next: string;
  run(state: RunState, context: StageContext): Promise<O>;
  collect(output: O, state: RunState): void;
  /** Its output when it has nothing to do for this config (no model call, no input read), so a runner need not schedule it; null when it has work. */
  idleOutput?(config: Config): O | null;
}

export type StageDeclaration = ItemStageDeclaration | BarrierStageDeclaration;

const candidateKey = (candidate: Candidate) => `${candidate.id}/${candidate.seed.id}`;

export const GenerateOutput = z.object({ candidates: z.array(Candidate), emptyRewrites: z.number().int(), untranslated: z.array(Untranslated).optional() });
export const DedupeOutput = z.object({ kept: z.array(Candidate), duplicates: z.array(DuplicateRecord) });

/**
 * Seed expansion before any rewrite (nothing unless `seeds.expand.perCategory` > 0): the generator
 * writes new concepts per category, deduplicated against every seed; they join the run's seeds.
 */
const expandStage = {
  // Its own model when seeds.expand.model names one, else the generator.
  name: 'expand', kind: 'barrier', roles: ['expander', 'generator'], output: ExpandOutput, produces: 'expanded', next: 'generate',
  run: (state, context) => expandSeeds({ seeds: state.seeds }, context),
  collect(output, state) {
    state.seeds = [...state.seeds, ...output.seeds];
    state.expansion = output.summary;
    state.failures.push(...output.failures);
  },
  idleOutput: (config) => (config.seeds.expand.perCategory === 0 ? { seeds: [], summary: null, failures: [] } : null),
} satisfies BarrierStageDeclaration<'expand', ExpandOutput>;

const generateStage = {
  name: 'generate', kind: 'item', roles: ['generator'], over: 'seed', item: Seed, output: GenerateOutput, produces: 'generated', next: 'dedupe',
  items: (state) => state.seeds,
  itemId: (seed) => seed.id,
  // A seed's whole content: an edited seed is asked again.
  resumeKey: (seed) => JSON.stringify(seed),
  run: generate,
  collect(results, state) {
    const { candidates, failures } = collectGenerated(results);
    state.candidates = candidates;
    state.failures.push(...failures);
  },
} satisfies ItemStageDeclaration<'generate', Seed, z.infer<typeof GenerateOutput>>;

const dedupeStage = {
  name: 'dedupe', kind: 'barrier', roles: [], output: DedupeOutput, produces: 'deduped', next: 'judge',
  run: (state, context) => dedupe({ candidates: state.candidates, against: state.against }, context),
  collect(output, state) {
    state.kept = output.kept;
    state.duplicates = output.duplicates;
  },
} satisfies BarrierStageDeclaration<'dedupe', z.infer<typeof DedupeOutput>>;

const judgeStage = {
  name: 'judge', kind: 'item', roles: ['judges'], over: 'candidate', item: Candidate, output: JudgedCandidate, produces: 'judged', next: 'probe',
  items: (state) => state.kept,
  itemId: (candidate) => candidate.id,
  resumeKey: candidateKey,
  run: judge,
  collect(results, state) {
    state.judged = collectJudged(results, state.failures);
    state.toxic = harmfulRecords(state.judged);
  },
  continues: isProbed,
} satisfies ItemStageDeclaration<'judge', Candidate, JudgedCandidate>;

const probeStage = {
  name: 'probe', kind: 'item', roles: ['targets', 'refusalJudge'], over: 'candidate', item: JudgedCandidate, output: DatasetRecord, produces: 'probed', next: 'evolve',
  items: (state) => state.judged.filter(isProbed),
  itemId: (candidate) => candidate.id,
  resumeKey: candidateKey,
  run: probe,
  collect(results, state) {
    state.records = collectProbed(results, state.failures);
  },
  callsModel: probeCallsModel,
} satisfies ItemStageDeclaration<'probe', JudgedCandidate, DatasetRecord>;

/**
 * Search rounds after the first probe (none unless `evolve.rounds` > 0): each round picks parents,
 * mutates them, dedupes, judges, screens and probes the children; its item steps are remembered
 * one by one where the runner keeps results, and its barriers are the steps between them. Rows of
 * a run with rounds all carry their lineage; a one-shot run's rows are left as they were.
 */
const evolveStage = {
  name: 'evolve', kind: 'barrier', roles: ['generator', 'judges', 'targets', 'refusalJudge'], output: EvolveOutput, produces: 'evolved', next: 'export',
  run: (state, context) =>
    evolve({ records: [...state.records, ...state.toxic], duplicates: state.duplicates, failures: state.failures, against: state.against, seedsGenerated: state.seeds.length - state.failures.filter((failure) => failure.stage === 'generate' && failure.kind === 'seed').length }, context),
  collect(output, state) {
    if (output.summary === null) return;
    const firstRound = (record: DatasetRecord): DatasetRecord => ({ ...record, lineage: record.lineage ?? FIRST_ROUND_LINEAGE });
    state.records = [...state.records.map(firstRound), ...output.records];
    state.toxic = state.toxic.map(firstRound);
    state.duplicates.push(...output.duplicates);
    state.failures.push(...output.failures);
    state.evolution = { generated: output.generated, summary: output.summary };
  },
} satisfies BarrierStageDeclaration<'evolve', EvolveOutput>;

/** The stages that build a run's outcome, in order. */
export const STAGES = [expandStage, generateStage, dedupeStage, judgeStage, probeStage, evolveStage] as const;

/** The last barrier: it writes the dataset from the outcome; what else goes in (usage, timings) differs per runner. */
export const EXPORT_STAGE = { name: 'export', kind: 'barrier', roles: [], produces: 'dataset', next: null, run: exportDataset } as const;

export type ItemStageName = Extract<(typeof STAGES)[number], { kind: 'item' }>['name'];
export type BarrierStageName = Extract<(typeof STAGES)[number], { kind: 'barrier' }>['name'];
export type StageName = (typeof STAGES)[number]['name'] | typeof EXPORT_STAGE.name;

/** Every stage name, in order, the export last. */
export const STAGE_NAMES: readonly StageName[] = [...STAGES.map((stage) => stage.name), EXPORT_STAGE.name];

const asDeclarations: readonly StageDeclaration[] = STAGES;

export const ITEM_STAGES = asDeclarations.filter((stage): stage is ItemStageDeclaration => stage.kind === 'item') as (ItemStageDeclaration & { name: ItemStageName })[];

export function stageNamed(name: string): StageDeclaration | undefined {
  return asDeclarations.find((stage) => stage.name === name);
}

export function itemStageNamed(name: string): ItemStageDeclaration | undefined {
  const stage = stageNamed(name);
  return stage?.kind === 'item' ? stage : undefined;
}

/** The barrier a run starts with, before any item stage (seed expansion), or null when it starts with items. */
export function leadingBarrier(): BarrierStageDeclaration | null {
  const [first] = asDeclarations;
  return first?.kind === 'barrier' ? first : null;
}

/** The item stage an item goes on to after `stage`, or null when the next stage is a barrier. */
export function nextItemStage(stage: ItemStageDeclaration): ItemStageDeclaration | null {
  return itemStageNamed(stage.next) ?? null;
}

/** Item stages between two barriers (or the start and a barrier): every item that enters one settles in it before the barrier after it opens. */
export interface Segment {
  stages: ItemStageDeclaration[];
  /** The barrier the segment's settled items open; `export` for the last. */
  opens: string;
}

export function segments(): Segment[] {
  const found: Segment[] = [];
  let current: ItemStageDeclaration[] = [];
  for (const stage of asDeclarations) {
    if (stage.kind === 'item') current.push(stage);
    else {
      if (current.length > 0) found.push({ stages: current, opens: stage.name });
      current = [];
    }
  }
  if (current.length > 0) found.push({ stages: current, opens: EXPORT_STAGE.name });
  return found;
}

export function segmentOf(stage: ItemStageDeclaration): Segment {
  return segments().find((segment) => segment.stages.includes(stage))!;
}
