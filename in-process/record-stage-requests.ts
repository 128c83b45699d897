import { performance } from 'node:perf_hooks';
import { CacheCounts, type CacheFigures } from '../pipeline/cost/cache-counts.ts';
import { cacheDir, openCache } from '../pipeline/cost/cache-location.ts';
import { roleIdentity, simulatorCacheIdentity } from '../pipeline/cost/cache-models.ts';
import { createCachedModel } from '../pipeline/cost/cached-model.ts';
import type { ResponseCache } from '../pipeline/cost/response-cache.ts';
import { createRecordingModel, isRecorded } from '../pipeline/batch-files/recording-model.ts';
import type { RecordedRequest } from '../pipeline/batch-files/recorded-request.ts';
import type { LoadedConfig } from '../pipeline/input/load-config.ts';
import { usesSimulator } from '../pipeline/models/create-models.ts';
import { createRunModels } from '../pipeline/runs/create-run-models.ts';
import { flattenRoles, mapRoles } from '../pipeline/models/roles.ts';
import { UsageMeter, type RoleUsage } from '../pipeline/models/usage-meter.ts';
import { loadAgainstIndex } from '../pipeline/runs/load-against.ts';
import { mapWithProgress } from '../pipeline/runs/map-with-progress.ts';
import type { RunEventListener } from '../pipeline/runs/run-events.ts';
import { selectSeeds } from '../pipeline/runs/select-seeds.ts';
import { startRunState } from '../pipeline/stages/run-state.ts';
import type { StageContext } from '../pipeline/models/stage-context.ts';
import { STAGES, type ItemStageDeclaration, type StageDeclaration } from '../pipeline/stages/stage-graph.ts';
import { startSimulator } from '../simulator/start-simulator.ts';
import { simulatorVersion } from '../simulator/simulator-version.ts';

export interface RecordStageOptions {
  loaded: LoadedConfig;
  /** The item stage whose requests are wanted. */
  stage: ItemStageDeclaration;
  /** Folder datasets go in (where the cache is, unless cache.dir names one); the config's output.dir by default. */
  outputDir?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onEvent?: RunEventListener;
  /** The cache to look answers up in (queued runs' Redis cache); the embedded one of the config when absent. */
  cache?: ResponseCache;
}

export interface RecordedStage {
  /** The stage's requests the cache does not hold, in role order, then by request key. */
  requests: RecordedRequest[];
  cacheDir: string;
  /** Items that reached the stage; of them, those that stopped for a recorded request, and those that failed otherwise. */
  items: { total: number; waiting: number; failed: number };
  /** Calls the stages before it made because the cache did not hold their answers. */
  earlierUsage: Record<string, RoleUsage>;
  cache: CacheFigures;
  ms: number;
}

/**
 * The run of a config up to and including one item stage, with the response cache on: the
 * stages before it run as `run` runs them (answered from the cache where it can, called
 * otherwise), and the stage's own roles answer from the cache or record the request and
 * fail the item, which stops there. Nothing after the stage runs and no dataset is written.
 */
export async function recordStageRequests(options: RecordStageOptions): Promise<RecordedStage> {
  const { loaded, stage, signal, onEvent } = options;
  const { config } = loaded;
  const started = performance.now();
  const seeds = await selectSeeds(loaded);
  const against = await loadAgainstIndex(loaded);
  const meter = new UsageMeter();
  const counts = new CacheCounts();
  const store = options.cache ?? openCache({ config, outputDir: options.outputDir });
  const simulatorIdentity = simulatorCacheIdentity({ version: simulatorVersion(), seed: config.simulator.seed });
  const recorded = new Map<string, RecordedRequest>();
  let simulator: Awaited<ReturnType<typeof startSimulator>> | null = null;
  try {
    simulator = usesSimulator(config) ? await startSimulator({ port: 0, ...config.simulator }) : null;
    const live = createRunModels({ config, simulatorUrl: simulator?.url ?? null, meter, env: options.env, cache: { cache: store, counter: counts, simulatorIdentity } });
    const models = mapRoles(live, config, (model, slot) => {
      if (!stage.roles.includes(slot.role)) return model;
      const identity = roleIdentity(slot.config, simulatorIdentity, slot.name);
      return createCachedModel({ model: createRecordingModel({ slot, identity, recorded }), cache: store, identity, counter: counts, usageRole: slot.usageRole });
    });
    const context: StageContext = { config, models, signal };
    const state = startRunState({ seeds, against });
    let items = { total: 0, waiting: 0, failed: 0 };
    const stages: readonly StageDeclaration[] = STAGES;
    for (const declaration of stages) {
      if (declaration.kind === 'barrier') {
        const idle = declaration.idleOutput?.(config) ?? null;
        declaration.collect(idle ?? (await declaration.run(state, context)), state);
        continue;
      }
      const results = await mapWithProgress({ stage: declaration.name as (typeof STAGES)[number]['name'], items: declaration.items(state), onEvent, signal, work: (item) => declaration.run(item, context) });
      if (declaration === stage) {
        const waiting = results.filter((result) => !result.ok && isRecorded(result.error)).length;
        items = { total: results.length, waiting, failed: results.filter((result) => !result.ok).length - waiting };
        break;
      }
      declaration.collect(results, state);
    }
    const order = flattenRoles(mapRoles(config, config, (_, slot) => slot.name));
    const requests = [...recorded.values()].sort((a, b) => order.indexOf(a.slot) - order.indexOf(b.slot) || a.line.custom_id.localeCompare(b.line.custom_id));
    return { requests, cacheDir: cacheDir({ config, outputDir: options.outputDir }), items, earlierUsage: meter.snapshot(), cache: counts.figures(), ms: Math.round(performance.now() - started) };
  } finally {
    await simulator?.close();
    if (!options.cache) await store.close();
  }
}
