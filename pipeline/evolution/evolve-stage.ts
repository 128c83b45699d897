import { z } from 'zod';
import type { EarlierIndex } from '../dedupe/earlier-index.ts';
import { isItemError } from '../errors/retryable.ts';
import { DatasetRecord, DuplicateRecord, Failure, lineageOf } from '../schemas/candidate.ts';
import type { StageContext } from '../models/stage-context.ts';
import { startEvolveState } from './evolve-state.ts';
import { summariseEvolve } from './evolve-summary.ts';
import { predictorSummary } from './predictor-summary.ts';
import { runRounds, type MapItems } from './run-rounds.ts';

/** What the search rounds add to a run: the children's records, duplicates and failures, and the rounds' summary (null when the config has no rounds). */
export const EvolveOutput = z.object({
  records: z.array(DatasetRecord),
  duplicates: z.array(DuplicateRecord),
  failures: z.array(Failure),
  /** Children the generator was asked for and answered (empty ones included), plus one per failed call: what `generated` counts. */
  generated: z.number().int().min(0),
  summary: z.unknown().nullable(),
});
export type EvolveOutput = z.infer<typeof EvolveOutput>;

export interface EvolveInput {
  /** Every record of the first round: probed ones and the toxic ones. */
  records: readonly DatasetRecord[];
  duplicates: readonly DuplicateRecord[];
  failures: readonly Failure[];
  against?: EarlierIndex;
  /** Generator calls of the first round that answered. */
  seedsGenerated: number;
}

/**
 * Every search round of the config, after the first probe. Each round's item steps run on all
 * their items at once, each through `context.remember` when the runner keeps results (the
 * in-process journal), so a resumed run only makes the calls still missing; the steps between
 * them are the round's barriers. Deterministic: the same results give the same rounds.
 */
export async function evolve(input: EvolveInput, context: StageContext): Promise<EvolveOutput> {
  const { evolve: config } = context.config;
  if (config.rounds === 0) return { records: [], duplicates: [], failures: [], generated: 0, summary: null };
  const run = { records: [...input.records], duplicates: [...input.duplicates], failures: [...input.failures], against: input.against, evolve: startEvolveState() };
  const mapItems: MapItems = async ({ step, items, key, work }) => {
    const settled = await Promise.all(
      items.map(async (item) => {
        try {
          const value = context.remember ? await context.remember(step, key(item), () => work(item)) : await work(item);
          return { item, ok: true as const, value };
        } catch (error) {
          return { item, ok: false as const, error };
        }
      }),
    );
    context.signal?.throwIfAborted();
    // A bug or a broken artifact stops the run, as in any stage; only a model's failure is one item's.
    const fault = settled.find((result) => !result.ok && !isItemError(result.error));
    if (fault && !fault.ok) throw fault.error;
    return settled;
  };
  await runRounds(run, { context, mapItems });
  const children = run.records.filter((record) => lineageOf(record).round > 0);
  const duplicates = run.duplicates.slice(input.duplicates.length);
  const failures = run.failures.slice(input.failures.length);
  // Every child is a record, a duplicate or a failure (a failed generator call counts once), as first-round candidates are.
  const generated = children.length + duplicates.length + failures.length;
  return {
    records: children,
    duplicates,
    failures,
    generated,
    summary: {
      ...summariseEvolve({ evolve: run.evolve, config, records: run.records, seedsGenerated: input.seedsGenerated }),
      ...(config.predictor ? { predictor: await predictorSummary({ rounds: run.evolve.predictorRounds, records: run.records, targets: context.models.targets.map((target) => target.id), refusalThreshold: context.config.probe.refusalThreshold, minTargets: context.config.probe.minTargets, probesPerRound: config.probesPerRound, signal: context.signal }) } : {}),
    },
  };
}
