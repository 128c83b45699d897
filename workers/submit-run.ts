import { createHash } from 'node:crypto';
import { relative, resolve } from 'node:path';
import type { Redis } from 'ioredis';
import { resolveFromConfig, type LoadedConfig } from '../pipeline/input/load-config.ts';
import { detectSimulatedRoles } from '../pipeline/models/detect-simulated-roles.ts';
import { answerVersions, type AnswerVersions } from '../pipeline/runs/answer-versions.ts';
import { simulatorVersion } from '../simulator/simulator-version.ts';
import { readPromptRows } from '../pipeline/runs/load-against.ts';
import { runFingerprint } from '../pipeline/runs/run-fingerprint.ts';
import { selectSeeds } from '../pipeline/runs/select-seeds.ts';
import { Config } from '../pipeline/schemas/config.ts';
import { startRunState } from '../pipeline/stages/run-state.ts';
import { leadingBarrier, segments, type ItemStageDeclaration } from '../pipeline/stages/stage-graph.ts';
import { itemJob } from './job-data.ts';
import type { ItemStage, QueueStage } from './queue-names.ts';
import { runIndexKey, runKeys, segmentTotalField } from './run-keys.ts';
import { RunSpec, type AgainstSource, type RefreshRequest } from './run-spec.ts';
import { StageQueues } from './stage-queues.ts';
import { datasetFingerprint } from './dataset-fingerprint.ts';
import { FINISHED_RUN_TTL_S, RESULT_TTL_MS } from './result-ttl.ts';
import { removeFinishedRunJobs } from './run-jobs.ts';
import { RunSummary } from './run-summary.ts';
import { findStuckWork, requeueWork } from './stuck-work.ts';
import { segmentUsesBatches } from '../pipeline/batch-api/batched-stages.ts';
import { addBatchSegmentJob } from './batch-segment-job.ts';

/**
 * Reads everything a run needs from the submitter's files (seeds, earlier data), so
 * workers need no access to them. The run id is a hash of this content: the same
 * config, seeds and destination make the same run, and submitting it twice adds no work.
 * The versions that make the answers are in it too, as in an in-process run's journal, so
 * a run submitted again after an upgrade is made afresh, not answered from an old summary.
 */
export async function prepareRunSpec(options: {
  loaded: LoadedConfig;
  outputDir?: string;
  refresh?: RefreshRequest;
  extraAgainst?: AgainstSource[];
  /** The simulated roles, when the submitter has already found them; found here otherwise. */
  simulatedRoles?: string[];
  /** Seeds to leave out (a refresh skips those earlier versions covered). */
  skipSeeds?: Set<string>;
  /** The versions that decide the answers; this build's when omitted. */
  versions?: AnswerVersions;
  now?: number;
}): Promise<RunSpec> {
  const { loaded } = options;
  const selected = await selectSeeds(loaded);
  const seeds = options.skipSeeds ? selected.filter((seed) => !options.skipSeeds!.has(seed.id)) : selected;
  const refresh = options.refresh ? { ...options.refresh, selectedSeeds: selected } : null;
  const against: AgainstSource[] = [];
  for (const path of loaded.config.dedupe.against) {
    const file = resolveFromConfig(loaded, path);
    against.push({ source: relative(process.cwd(), file) || file, items: await readPromptRows(file) });
  }
  against.push(...(options.extraAgainst ?? []));
  const outputDir = resolve(options.outputDir ?? loaded.config.output.dir);
  const config = Config.parse(loaded.config);
  const answers = runFingerprint({ config, seeds, versions: options.versions ?? answerVersions(config, simulatorVersion) });
  const content = JSON.stringify({ answers, against, outputDir, refresh });
  const runId = `r${createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
  // Found here, where the endpoints are reachable as the submitter configured them, so the workers' export writes the same manifest as an in-process run.
  const simulatedRoles = options.simulatedRoles ?? (await detectSimulatedRoles({ config }));
  return RunSpec.parse({ runId, createdAt: options.now ?? Date.now(), config, seeds, against, outputDir, simulated: simulatedRoles.length > 0, simulatedRoles, refresh });
}

export interface SubmitResult {
  runId: string;
  /** True when the same run was already in progress and this submission joined it. */
  joined: boolean;
  /** True when the run had finished and its dataset is still in place as written: nothing was queued. */
  reused: boolean;
  /** Jobs a joined run had lost (so no worker would have moved it) and this submission queued again. */
  requeued: number;
}

/**
 * Stores the spec and queues a job per item of the graph's first stage (a generate job per seed). A run already in progress is
 * joined, not restarted, and any of its work that no worker would take is queued again
 * (a submitter died half-way through queueing, a job was deleted). A finished run whose
 * dataset is still there, unchanged, is answered from its summary; otherwise it starts
 * afresh, its earlier jobs removed first so their content ids do not swallow the new ones.
 */
export async function submitRun(options: { redis: Redis; prefix: string; spec: RunSpec; queues?: StageQueues }): Promise<SubmitResult> {
  const { redis, prefix, spec } = options;
  const runId = spec.runId;
  const keys = runKeys(prefix, runId);
  const [state, summaryText, fingerprint] = await redis.hmget(keys.run, 'state', 'summary', 'fingerprint');
  if (state === 'done' && summaryText && fingerprint && (await datasetFingerprint(RunSummary.parse(JSON.parse(summaryText)).dir)) === fingerprint) {
    await redis.expire(keys.run, FINISHED_RUN_TTL_S);
    return { runId, joined: false, reused: true, requeued: 0 };
  }
  const joined = state !== null && state !== 'done';
  const queues = options.queues ?? new StageQueues({ connection: redis, prefix });
  try {
    if (joined) {
      const stuck = await findStuckWork({ redis, prefix, runId, queueFor: (stage) => queues.get(stage) });
      await requeueWork({ queues, runId, config: spec.config, work: stuck });
      return { runId, joined, reused: false, requeued: stuck.length };
    }
    await removeFinishedRunJobs({ queueFor: (stage) => queues.get(stage), runId, states: ['completed', 'failed'] });
    // The graph's first stage, on the run's seeds: a leading barrier (seed expansion) opens the first segment itself when it is done.
    const [first] = segments();
    const firstStage = first!.stages[0]! as ItemStageDeclaration & { name: ItemStage };
    // A leading barrier with nothing to do for this config (no seed expansion) is settled here, so the run starts at its first items.
    const opening = leadingBarrier();
    const idle = opening?.idleOutput?.(spec.config) ?? null;
    const leading = idle === null ? opening : null;
    const items = leading ? [] : firstStage.items(startRunState({ seeds: spec.seeds }));
    const transaction = redis.multi().del(keys.run, ...keys.all());
    if (opening && idle !== null) transaction.set(keys.results(opening), JSON.stringify({ ...(idle as object), ms: 0 }), 'PX', RESULT_TTL_MS);
    await transaction
      .hset(keys.run, 'spec', JSON.stringify(spec), 'state', 'running', 'createdAt', String(spec.createdAt), ...(leading ? [] : [segmentTotalField(first), String(items.length)]), 'rewrites', String(spec.config.generate.rewritesPerSeed), 'name', spec.config.name)
      .lrem(runIndexKey(prefix), 0, runId)
      .rpush(runIndexKey(prefix), runId)
      .ltrim(runIndexKey(prefix), -200, -1)
      .exec();
    if (leading) await queues.add({ stage: leading.name as QueueStage, runId, data: { runId }, config: spec.config });
    // A first segment whose roles send batches (the generator's) is one job for all its seeds.
    else if (items.length > 0 && segmentUsesBatches(first, spec.config)) await addBatchSegmentJob({ env: { queues }, runId, segment: first, config: spec.config });
    else await queues.addMany({ stage: firstStage.name, runId, items: items.map((item) => ({ itemId: firstStage.itemId(item), data: itemJob(firstStage, runId, item) })), config: spec.config });
    // With no items, no item settles to open the first barrier: it is opened here.
    if (!leading && items.length === 0) await queues.add({ stage: first.opens as QueueStage, runId, data: { runId }, config: spec.config });
  } finally {
    if (!options.queues) await queues.close();
  }
  return { runId, joined, reused: false, requeued: 0 };
}
