import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LoadedConfig } from '../pipeline/input/load-config.ts';
import { checkApiKeys, usesSimulator } from '../pipeline/models/create-models.ts';
import { createRunModels } from '../pipeline/runs/create-run-models.ts';
import { detectSimulatedRoles } from '../pipeline/models/detect-simulated-roles.ts';
import { UsageMeter } from '../pipeline/models/usage-meter.ts';
import { startSimulator } from '../simulator/start-simulator.ts';
import { simulatorVersion } from '../simulator/simulator-version.ts';
import type { StageContext } from '../pipeline/models/stage-context.ts';
import type { ExportOutput } from '../pipeline/dataset/export-stage.ts';
import { outcomeOf, startRunState } from '../pipeline/stages/run-state.ts';
import { EXPORT_STAGE } from '../pipeline/stages/stage-graph.ts';
import type { RunOutcome } from '../pipeline/dataset/run-outcome.ts';
import type { Seed } from '../pipeline/schemas/seed.ts';
import { acquireDatasetLock } from '../pipeline/runs/dataset-lock.ts';
import { RunInterruptedError } from '../pipeline/runs/run-interrupted-error.ts';
import { RunJournal } from '../pipeline/runs/run-journal.ts';
import { runFingerprint } from '../pipeline/runs/run-fingerprint.ts';
import { answerVersions } from '../pipeline/runs/answer-versions.ts';
import { loadAgainstIndex } from '../pipeline/runs/load-against.ts';
import type { RunEventListener } from '../pipeline/runs/run-events.ts';
import { selectSeeds } from '../pipeline/runs/select-seeds.ts';
import { walkStages } from './walk-stages.ts';
import { openRunCost } from './run-cost.ts';
import { FileBatchJournal } from '../pipeline/batch-api/batch-journal.ts';
import { usesBatches } from '../pipeline/batch-api/batch-models.ts';
import { BatchCounts } from '../pipeline/batch-api/batch-counts.ts';

export interface RunInProcessOptions {
  loaded: LoadedConfig;
  /** Folder datasets go in; the config's output.dir by default. */
  outputDir?: string;
  signal?: AbortSignal;
  onEvent?: RunEventListener;
  env?: NodeJS.ProcessEnv;
  /** The simulated roles, when the caller has already found them (for its banner); found here otherwise. */
  simulatedRoles?: string[];
  /** false: no answer is taken from the response cache or kept in it (--no-cache); the config decides otherwise. */
  cache?: boolean;
}

export interface RunResult {
  outcome: RunOutcome;
  exported: ExportOutput;
  simulated: boolean;
  /** The roles a simulator answered, built-in or standalone, as the manifest lists them. */
  simulatedRoles: string[];
  /** The budget limit that stopped the run, when one did: the dataset holds what was settled before it. */
  budgetStoppedBy: 'budget.maxCalls' | 'budget.maxCostUsd' | null;
}

/**
 * The whole pipeline in this process: the stage graph's stages in order, then the export.
 * Roles with no endpoint are answered by the simulator, started here on a free port.
 */
export async function runInProcess(options: RunInProcessOptions): Promise<RunResult> {
  const { loaded, signal, onEvent } = options;
  const { config } = loaded;
  checkApiKeys(config, options.env, loaded.file ?? 'config');
  const simulatedRoles = options.simulatedRoles ?? (await detectSimulatedRoles({ config, env: options.env }));
  const seeds = await selectSeeds(loaded);
  const against = await loadAgainstIndex(loaded);
  const outputDir = options.outputDir ?? loaded.config.output.dir;
  // One run per dataset at a time: a second would write the same journal, pay for every call again and replace the same folder.
  const lock = await acquireDatasetLock({ outputDir, name: config.name, onNotice: (message) => onEvent?.({ type: 'notice', message }) });
  try {
    return await runLocked({ ...options, seeds, against, outputDir, simulatedRoles });
  } finally {
    await lock.release();
  }
}

async function runLocked(options: RunInProcessOptions & { seeds: Seed[]; against: Awaited<ReturnType<typeof loadAgainstIndex>>; outputDir: string; simulatedRoles: string[] }): Promise<RunResult> {
  const { loaded, signal, onEvent, seeds, against, outputDir, simulatedRoles } = options;
  const simulated = simulatedRoles.length > 0;
  const { config } = loaded;
  const timings: Record<string, number> = {};
  const started = performance.now();
  const meter = new UsageMeter();
  const versions = answerVersions(config, simulatorVersion);
  const journal = await RunJournal.open({ file: join(outputDir, `.${config.name}.journal.jsonl`), fingerprint: runFingerprint({ config, seeds, versions }), versions, meter, stopped: signal });
  if (journal.ignored && journal.ignored.results > 0) {
    const { results, changes } = journal.ignored;
    const why = changes.length > 0 ? `was made by another version (${changes.join(', ')})` : 'is of another config, seeds or scarecrow version';
    onEvent?.({ type: 'notice', message: `not resuming: the unfinished run's journal (${results} results) ${why}; it is started afresh` });
  }
  if (journal.available > 0) onEvent?.({ type: 'notice', message: `resuming: ${journal.available} results of an unfinished run of this config are reused` });
  let simulator: Awaited<ReturnType<typeof startSimulator>> | null = null;
  const cost = openRunCost({ config, outputDir, cache: options.cache });
  // The batches sent so far, beside the run journal: a resumed run polls them instead of paying again.
  const batches = usesBatches(config) ? new FileBatchJournal(join(outputDir, `.${config.name}.batches.jsonl`)) : null;
  const batchCounts = new BatchCounts();
  try {
    // Only roles with no baseURL need the simulator here; a standalone one serves itself.
    simulator = usesSimulator(config) ? await startSimulator({ port: 0, ...config.simulator }) : null;
    const models = createRunModels({ config, simulatorUrl: simulator?.url ?? null, meter, env: options.env, budget: cost.budget ?? undefined, cache: cost.cache ?? undefined,
      batch: batches ? { journal: batches, counter: batchCounts, onProgress: (progress) => onEvent?.({ type: 'batch', ...progress }) } : undefined,
    });
    const context: StageContext = { config, models, signal };
    const state = startRunState({ seeds, against });
    await walkStages({ state, context, journal, timings, onEvent, signal });
    const outcome = outcomeOf(state);

    signal?.throwIfAborted();
    timings.total = Math.round(performance.now() - started);
    const exported = await EXPORT_STAGE.run(
      {
        outcome,
        usage: meter.snapshot(),
        timingsMs: timings,
        simulated,
        simulatedRoles,
        extra: { resumed_results: journal.reused, resumed_usage: journal.resumedUsage(), lost_usage: journal.lostUsage(), ...(await cost.extra()), ...(batches ? { batch: batchCounts.figures() } : {}) },
        cardSections: await cost.cardSections(),
      },
      { config, outputDir, signal },
    );
    await journal.discard();
    await batches?.discard();
    return { outcome, exported, simulated, simulatedRoles, budgetStoppedBy: await cost.stoppedBy() };
  } catch (error) {
    if (signal?.aborted) throw new RunInterruptedError({ kept: journal.kept, journal: journal.file }, { cause: error });
    throw error;
  } finally {
    await journal.close();
    await simulator?.close();
    await cost.close();
  }
}
