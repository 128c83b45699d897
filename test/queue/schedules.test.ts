import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { listVersions, readLatest } from '../../workers/refresh/dataset-versions.ts';
import type { LastRefresh } from '../../workers/refresh/last-refresh.ts';
import { listSchedules, removeSchedule, upsertSchedule } from '../../workers/refresh/schedules.ts';
import { useQueueFixture } from './support.ts';

const temp = useTempDir();

interface Version {
  name: string;
  refresh: { previous: string | null; seeds_covered: string[]; added: number; removed: number; carried: number; by_category: Record<string, { added: number; removed: number }> };
  ids: string[];
  card: string;
}

async function readVersion(root: string, name: string): Promise<Version> {
  const manifest = JSON.parse(await readFile(join(root, name, 'manifest.json'), 'utf8'));
  const text = (await readFile(join(root, name, 'data/all.jsonl'), 'utf8')) + (await readFile(join(root, name, 'data/toxic.jsonl'), 'utf8'));
  const ids = text.split('\n').filter(Boolean).map((line) => JSON.parse(line).seed.id as string);
  return { name, refresh: manifest.extra.refresh, ids, card: await readFile(join(root, name, 'README.md'), 'utf8') };
}

/** Waits for a version that satisfies `test`, reading versions as the schedule writes them. */
async function waitForVersion(root: string, test: (version: Version) => boolean): Promise<Version> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
    for (const name of await listVersions(root)) {
      const version = await readVersion(root, name).catch(() => null);
      if (version && test(version)) return version;
    }
  }
  throw new Error('no such version appeared');
}

/** Waits for the schedule's last-refresh record, as `schedule list` shows it, to satisfy `test`. */
async function waitForLastRefresh(options: { redis: Redis; prefix: string; test: (last: LastRefresh | null) => boolean }): Promise<LastRefresh> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
    const [schedule] = await listSchedules(options);
    if (schedule && options.test(schedule.lastRefresh)) return schedule.lastRefresh!;
  }
  throw new Error('the schedule recorded no such refresh');
}

describe('scheduled refreshes', () => {
  it('write new versions that generate only new seeds and record what was added and removed', async () => {
    const { redis, prefix, startWorkers } = useQueueFixture();
    const dir = await temp.make();
    const configFile = join(dir, 'refresh.json');
    const writeConfig = (seeds: object) =>
      writeFile(configFile, JSON.stringify({ name: 'refreshed', seeds: { paths: [join(PROJECT_ROOT, 'seeds')], ...seeds }, generate: { rewritesPerSeed: 2 }, simulator: { seed: 4 } }));
    await writeConfig({ categories: ['privacy', 'violence'], limit: 1 });

    const logged: string[] = [];
    await startWorkers({ log: (line) => logged.push(line) });
    const added = await upsertSchedule({ redis, prefix, name: 'nightly', cron: '*/2 * * * * *', configFile, outputDir: join(dir, 'out') });
    expect(added.next).toBeGreaterThan(Date.now() - 1000);
    expect((await listSchedules({ redis, prefix })).map((schedule) => schedule.name)).toEqual(['nightly']);
    const root = join(dir, 'out', 'refreshed');

    const first = await waitForVersion(root, (version) => version.refresh.previous === null);
    expect(first.refresh.seeds_covered).toEqual(['privacy-001', 'violence-001']);
    expect(first.refresh.added).toBe(first.ids.length);

    // Unchanged seeds: the refreshes that follow find nothing new and write no version, and say so.
    const nothingNew = await waitForLastRefresh({ redis, prefix, test: (last) => last?.outcome === 'nothing-new' });
    await waitForLastRefresh({ redis, prefix, test: (last) => last?.outcome === 'nothing-new' && last.at > nothingNew.at });
    expect(nothingNew.latest).toMatch(/^v\d{8}T\d{6}Z$/);
    for (const name of await listVersions(root)) {
      const version = await readVersion(root, name);
      expect(version.refresh.previous === null || version.refresh.added + version.refresh.removed > 0, `${name} repeats ${version.refresh.previous}`).toBe(true);
    }
    expect(logged.some((line) => /schedule nightly: nothing new since v\d{8}T\d{6}Z .*no version written/.test(line))).toBe(true);

    await writeConfig({ categories: ['privacy', 'violence'], limit: 2 });
    const grown = await waitForVersion(root, (version) => version.refresh.seeds_covered.length === 4 && version.refresh.added > 0);
    expect(grown.refresh.carried).toBe(first.ids.length);
    expect(new Set(grown.ids.filter((id) => !first.ids.includes(id)))).toEqual(new Set(['privacy-002', 'violence-002'].filter((id) => grown.ids.includes(id))));
    expect(grown.refresh.added).toBe(grown.ids.filter((id) => id.endsWith('-002')).length);
    expect(grown.card).toMatch(/## Changes in this version/);

    await writeConfig({ categories: ['privacy'], limit: 2 });
    const shrunk = await waitForVersion(root, (version) => version.refresh.removed > 0);
    expect(shrunk.ids.every((id) => id.startsWith('privacy-'))).toBe(true);
    expect(shrunk.refresh.by_category.violence?.removed).toBeGreaterThan(0);
    expect(shrunk.refresh.added).toBe(0);

    await removeSchedule({ redis, prefix, name: 'nightly' });
    expect(await listSchedules({ redis, prefix })).toEqual([]);
    expect(await readLatest(root)).toMatch(/^v\d{8}T\d{6}Z$/);
  }, 120_000);
});
