import type { Redis } from 'ioredis';
import { UnrecoverableError } from 'bullmq';
import { usesSimulator, type RoleModels } from '../pipeline/models/create-models.ts';
import { createRunModels } from '../pipeline/runs/create-run-models.ts';
import type { UsageMeter } from '../pipeline/models/usage-meter.ts';
import { redactUrl, simulatorEndpointName } from '../pipeline/models/openai-model.ts';
import type { ModelRole } from '../pipeline/schemas/config.ts';
import { mapRoles } from '../pipeline/models/roles.ts';
import { startSimulator, type RunningSimulator } from '../simulator/start-simulator.ts';
import type { RedisRateGate } from './redis-rate-gate.ts';
import { runKeys } from './run-keys.ts';
import { RunSpec } from './run-spec.ts';
import { cacheModels, simulatorCacheIdentity } from '../pipeline/cost/cache-models.ts';
import { hasBudget } from '../pipeline/cost/call-budget.ts';
import { simulatorVersion } from '../simulator/simulator-version.ts';
import { RedisCallBudget } from './redis-call-budget.ts';
import { RedisCacheCounter } from './redis-cache-counter.ts';
import { RedisResponseCache } from './redis-response-cache.ts';
import { usesBatches } from '../pipeline/batch-api/batch-models.ts';
import { queueBatchOptions } from './redis-batch-journal.ts';

export interface RunContext {
  spec: RunSpec;
  /** The run's models, shared by all its jobs in this process; one attempt per call: the job's call ledger counts attempts. */
  models: RoleModels;
  /**
   * Models for a barrier that calls models itself (the search rounds), or a job running a whole
   * segment whose roles send batches: each call retried up to its role's maxAttempts within the
   * job, as in-process, and counted into `meter`; roles with `batch: true` send Batch API jobs.
   */
  retryingModels(meter: UsageMeter): RoleModels;
}

const MAX_CACHED_RUNS = 16;

/**
 * Per-process cache of what a worker needs to serve a run: its spec (read once from
 * Redis) and its models. Roles without an endpoint get a simulator started in this
 * process from the run's own seed and knobs; simulator answers depend only on the
 * request and the seed, so every worker on every machine answers alike.
 */
export class RunContexts {
  private readonly runs = new Map<string, Promise<RunContext>>();
  private readonly simulators = new Map<string, Promise<RunningSimulator>>();

  constructor(
    private readonly options: { redis: Redis; prefix: string; gate: RedisRateGate; log: (message: string) => void; env?: NodeJS.ProcessEnv },
  ) {}

  get(runId: string): Promise<RunContext> {
    let context = this.runs.get(runId);
    if (!context) {
      context = this.load(runId);
      context.catch(() => this.runs.delete(runId));
      this.runs.set(runId, context);
      if (this.runs.size > MAX_CACHED_RUNS) this.runs.delete(this.runs.keys().next().value!);
    }
    return context;
  }

  private async load(runId: string): Promise<RunContext> {
    const text = await this.options.redis.hget(runKeys(this.options.prefix, runId).run, 'spec');
    if (!text) throw new UnrecoverableError(`run ${runId} has no spec in Redis (it was removed or expired)`);
    const parsed = RunSpec.safeParse(JSON.parse(text));
    if (!parsed.success) throw new UnrecoverableError(`run ${runId} has a malformed spec: ${parsed.error.issues[0]?.message}`);
    const spec = parsed.data;
    // Only roles with no baseURL need this worker's simulator; a standalone `scarecrow sim` counts as simulated but serves itself.
    const simulatorUrl = usesSimulator(spec.config) ? (await this.simulatorFor(spec)).url : null;
    const { redis, prefix } = this.options;
    const keys = runKeys(prefix, runId);
    // One budget for the run across every worker: its count lives in Redis.
    const budget = hasBudget(spec.config.budget) ? new RedisCallBudget(spec.config.budget, { redis, key: keys.budget }) : undefined;
    const cache = spec.config.cache.enabled
      ? { cache: new RedisResponseCache({ redis, prefix, ttlMs: spec.config.cache.ttlHours * 3_600_000 }), counter: new RedisCacheCounter({ redis, key: keys.cache }), simulatorIdentity: simulatorCacheIdentity({ version: simulatorVersion(), seed: spec.config.simulator.seed }) }
      : null;
    const base = createRunModels({ config: spec.config, simulatorUrl, env: this.options.env, maxAttempts: 1, budget });
    const gated = (model: RoleModels['generator'], role: ModelRole) =>
      this.options.gate.wrap(model, { endpoint: role.baseURL ? `${redactUrl(role.baseURL)} (${role.model})` : simulatorEndpointName(role.model), requestsPerMinute: role.requestsPerMinute });
    // The cache sits above the rate gate: an answer it has waits for no slot.
    const batch = usesBatches(spec.config) ? queueBatchOptions({ redis, keys }) : undefined;
    // A batching role's lines are not requests per minute to the endpoint: only its direct calls are, and they pass the process's own gate.
    const gatedAll = (models: RoleModels, batching = false) => {
      const gatedModels = mapRoles(models, spec.config, (model, slot) => (batching && slot.config.batch ? model : gated(model, slot.config)));
      return cache ? cacheModels(gatedModels, spec.config, cache) : gatedModels;
    };
    return {
      spec,
      models: gatedAll(base),
      retryingModels: (meter) => gatedAll(createRunModels({ config: spec.config, simulatorUrl, env: this.options.env, meter, budget, batch }), batch !== undefined),
    };
  }

  private simulatorFor(spec: RunSpec): Promise<RunningSimulator> {
    const knobs = spec.config.simulator;
    const key = JSON.stringify(knobs);
    let simulator = this.simulators.get(key);
    if (!simulator) {
      simulator = startSimulator({ port: 0, ...knobs });
      this.simulators.set(key, simulator);
      simulator.then(
        (running) => this.options.log(`SIMULATED: run ${spec.runId} has roles without baseURL; this worker answers them with its own built-in simulator at ${running.url} (seed ${knobs.seed}). The data is simulated, not from a real model.`),
        () => this.simulators.delete(key),
      );
    }
    return simulator;
  }

  async close(): Promise<void> {
    const simulators = [...this.simulators.values()];
    this.simulators.clear();
    this.runs.clear();
    await Promise.all(simulators.map(async (simulator) => (await simulator).close().catch(() => {})));
  }
}
