import type { Job } from 'bullmq';
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readDataset } from '../../pipeline/dataset/read-dataset.ts';
import { defaultConfig, loadConfig } from '../../pipeline/input/load-config.ts';
import { RefreshJobData } from '../job-data.ts';
import type { JobEnvironment } from '../job-environment.ts';
import { parseJobData } from '../parse-job-data.ts';
import { selectSeeds } from '../../pipeline/runs/select-seeds.ts';
import type { AgainstSource } from '../run-spec.ts';
import { prepareRunSpec, submitRun } from '../submit-run.ts';
import { listVersions, readLatest, versionName } from './dataset-versions.ts';
import { writeLastRefresh } from './last-refresh.ts';
import { coveredSeeds } from './refresh-changes.ts';

/**
 * A scheduled refresh: reads the config (and so its seed files) afresh, and submits
 * a run of only the seeds no earlier version covered, deduplicated against every
 * earlier version's prompts. The run's export writes the new version folder, carrying
 * over earlier records whose seeds are still selected, and records what changed. A
 * refresh that finds no new seed and no seed gone writes no version: it records that it
 * found nothing new (for `schedule list`) and says so in the worker's log.
 */
export async function handleRefreshJob(job: Job, _token: string | undefined, env: JobEnvironment): Promise<void> {
  const data = parseJobData(RefreshJobData, job);
  const loaded = data.configFile ? await loadConfig(data.configFile) : defaultConfig();
  const root = resolve(data.outputDir, loaded.config.name);
  const version = versionName(job.timestamp + (job.opts.delay ?? 0));
  // A retry after the version was written must not start a second run for it.
  if (await access(join(root, version)).then(() => true, () => false)) return;

  const previous = await readLatest(root);
  const covered = previous ? await coveredSeeds(join(root, previous)) : new Set<string>();
  // No seed to generate and no earlier record to drop: the version would repeat the latest one.
  const selected = new Set((await selectSeeds(loaded)).map((seed) => seed.id));
  if (previous && [...selected].every((id) => covered.has(id)) && [...covered].every((id) => selected.has(id))) {
    await writeLastRefresh({ redis: env.redis, prefix: env.prefix, schedule: data.schedule, record: { at: Date.now(), version, outcome: 'nothing-new', runId: null, latest: previous } });
    env.log(`schedule ${data.schedule}: nothing new since ${previous} (no new seeds, none removed); no version written`);
    return;
  }
  const against: AgainstSource[] = [];
  for (const earlier of await listVersions(root)) {
    const dataset = await readDataset(join(root, earlier));
    const items = [...dataset.configs.all, ...dataset.configs.toxic].map((record) => ({ id: record.id, prompt: record.prompt }));
    against.push({ source: `${loaded.config.name}/${earlier}`, items });
  }
  const spec = await prepareRunSpec({
    loaded,
    outputDir: data.outputDir,
    refresh: { schedule: data.schedule, version, previous },
    extraAgainst: against,
    skipSeeds: covered,
  });
  const { runId, joined } = await submitRun({ redis: env.redis, prefix: env.prefix, spec, queues: env.queues });
  await writeLastRefresh({ redis: env.redis, prefix: env.prefix, schedule: data.schedule, record: { at: Date.now(), version, outcome: joined ? 'joined' : 'submitted', runId, latest: previous } });
  env.log(`schedule ${data.schedule}: ${joined ? 'joined' : 'submitted'} run ${runId} for version ${version} (${spec.seeds.length} new seeds${previous ? `, after ${previous}` : ''})`);
}
