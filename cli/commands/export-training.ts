import { dirname } from 'node:path';
import { CacheCounts } from '../../pipeline/cost/cache-counts.ts';
import { openCache } from '../../pipeline/cost/cache-location.ts';
import { simulatorCacheIdentity } from '../../pipeline/cost/cache-models.ts';
import { readDataset } from '../../pipeline/dataset/read-dataset.ts';
import { checkEvaluationKeys } from '../../pipeline/evaluation/evaluation-roles.ts';
import { checkEndpoints } from '../../pipeline/models/check-endpoints.ts';
import { exportTraining, type ExportTrainingResult } from '../../pipeline/training-export/export-training.ts';
import type { TrainingFormat } from '../../pipeline/training-export/training-formats.ts';
import { trainingSetup } from '../../pipeline/training-export/training-setup.ts';
import { simulatorVersion } from '../../simulator/simulator-version.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { loadConfig } from '../../pipeline/input/load-config.ts';
import type { ResponseCache } from '../../pipeline/cost/response-cache.ts';
import type { Config } from '../../pipeline/schemas/config.ts';
import { prefixFrom } from '../../workers/queue-names.ts';
import { connectChecked, redisUrlFrom } from '../../workers/redis-connection.ts';
import { RedisResponseCache } from '../../workers/redis-response-cache.ts';

export interface ExportTrainingCommandOptions {
  dataset: string;
  format: TrainingFormat;
  out?: string;
  /** --config: its `helper` (and cache settings) are used. */
  config?: string;
  /** false with --no-cache. */
  cache: boolean;
  /** --queue: the response cache of queued runs, in Redis, where a `run --queue` kept its targets' answers. */
  queue?: boolean;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface ExportTrainingCommandResult extends ExportTrainingResult {
  /** Roles answered by the built-in simulator, by name. */
  simulatedRoles: string[];
  cacheHits: number;
}

/**
 * `export --format sft|dpo` as the CLI runs it: every check that can refuse the export (no
 * helper, an unset key variable, an unreachable endpoint) comes before any call or write; the
 * built-in simulator answers the roles with no baseURL while the export runs; the response
 * cache is the one the run filled (in the folder the dataset is in, unless cache.dir says).
 */
export async function runTrainingExport(options: ExportTrainingCommandOptions): Promise<ExportTrainingCommandResult> {
  const dataset = await readDataset(options.dataset);
  const loaded = options.config ? await loadConfig(options.config) : null;
  const setup = trainingSetup({ dataset, format: options.format, loaded });
  checkEvaluationKeys(setup.roles, options.env);
  await checkEndpoints({ roles: setup.roles, env: options.env });
  const simulatedRoles = setup.roles.filter(({ role }) => !role.baseURL).map(({ name }) => name);
  const simulator = simulatedRoles.length > 0 ? await startSimulator({ port: 0, seed: setup.run.simulator.seed }) : null;
  const cacheOn = options.cache && setup.cache.enabled;
  const counts = new CacheCounts();
  const store = cacheOn ? await openStore({ config: { ...setup.run, cache: setup.cache }, datasetDir: dataset.dir, queue: options.queue ?? false, env: options.env }) : null;
  try {
    const result = await exportTraining({
      dataset,
      format: options.format,
      setup,
      out: options.out,
      simulatorUrl: simulator?.url ?? null,
      cache: store ? { cache: store, counter: counts, simulatorIdentity: simulatorCacheIdentity({ version: simulatorVersion(), seed: setup.run.simulator.seed }) } : null,
      env: options.env,
      signal: options.signal,
    });
    return { ...result, simulatedRoles, cacheHits: counts.figures().hits };
  } finally {
    await store?.close();
    await simulator?.close();
  }
}

/** The cache the run filled: the embedded one beside the dataset, or with --queue the queued runs' one in Redis. */
async function openStore(options: { config: Config; datasetDir: string; queue: boolean; env?: NodeJS.ProcessEnv }): Promise<ResponseCache> {
  if (!options.queue) return openCache({ config: options.config, outputDir: dirname(options.datasetDir) });
  const redis = await connectChecked({ url: redisUrlFrom(options.env) });
  const cache = new RedisResponseCache({ redis, prefix: prefixFrom(options.env), ttlMs: options.config.cache.ttlHours * 3_600_000 });
  return {
    get: (key) => cache.get(key),
    set: (key, answer) => cache.set(key, answer),
    stats: () => cache.stats(),
    prune: () => cache.prune(),
    clear: () => cache.clear(),
    close: async () => {
      await cache.close();
      redis.disconnect();
    },
  };
}
