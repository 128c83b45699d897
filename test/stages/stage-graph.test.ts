import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../in-process/run-in-process.ts';
import type { RunEvent } from '../../pipeline/runs/run-events.ts';
import { ROLES } from '../../pipeline/models/roles.ts';
import { EXPORT_STAGE, segments, STAGE_NAMES, STAGES } from '../../pipeline/stages/stage-graph.ts';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { followRun } from '../../workers/run-on-queue.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { smallConfig, useQueueFixture } from '../queue/support.ts';

const temp = useTempDir();

/** The stages a listener was told about, in the order they started. */
function startedStages(events: RunEvent[]): string[] {
  return [...new Set(events.flatMap((event) => (event.type === 'stage-start' ? [event.stage] : [])))];
}

async function readJsonl(file: string): Promise<Record<string, unknown>[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the stage graph', () => {
  it('declares seed expansion, generate, dedupe, judge, probe and the search rounds, each leading to the next, then the export', () => {
    expect(STAGES.map((stage) => [stage.name, stage.kind, [...stage.roles]])).toEqual([
      ['expand', 'barrier', ['expander', 'generator']],
      ['generate', 'item', ['generator']],
      ['dedupe', 'barrier', []],
      ['judge', 'item', ['judges']],
      ['probe', 'item', ['targets', 'refusalJudge']],
      ['evolve', 'barrier', ['generator', 'judges', 'targets', 'refusalJudge']],
    ]);
    expect(STAGE_NAMES).toEqual(['expand', 'generate', 'dedupe', 'judge', 'probe', 'evolve', 'export']);
    STAGES.forEach((stage, index) => expect(stage.next).toBe(STAGE_NAMES[index + 1]));
    expect(EXPORT_STAGE.next).toBeNull();
    for (const stage of STAGES) for (const role of stage.roles) expect(ROLES).toContain(role);
    // Seed expansion comes before any item; every other barrier waits for the item stages before it; the search rounds for the judge and probe of every kept candidate.
    expect(segments().map((segment) => [segment.stages.map((stage) => stage.name), segment.opens])).toEqual([
      [['generate'], 'dedupe'],
      [['judge', 'probe'], 'evolve'],
    ]);
  });

  it('gives the queue one queue per stage, and refresh for the schedules', () => {
    expect([...QUEUE_STAGES]).toEqual([...STAGE_NAMES, 'refresh']);
  });

  it('names exactly its stages in a run’s progress and timings, in-process and on the queue', async () => {
    const loaded = smallConfig({ simulator: { seed: 3, latencyMs: 1 } });
    const expected = STAGES.map((stage) => stage.name);

    const inProcessEvents: RunEvent[] = [];
    const reference = await runInProcess({ loaded, outputDir: await temp.make(), onEvent: (event) => inProcessEvents.push(event) });
    expect(startedStages(inProcessEvents)).toEqual(expected);
    expect(Object.keys(reference.exported.manifest.timings_ms)).toEqual([...expected, 'total']);

    const queue = useQueueFixture();
    await queue.startWorkers();
    const outputDir = await temp.make();
    const { runId } = await queue.run({ loaded, outputDir, detach: true });
    const queueEvents: RunEvent[] = [];
    await followRun({ redis: queue.redis, prefix: queue.prefix, runId, pollMs: 20, onEvent: (event) => queueEvents.push(event) });
    expect(startedStages(queueEvents)).toEqual(expected);
    // Every stage that started also ended, on either runner.
    for (const events of [inProcessEvents, queueEvents]) {
      expect(events.filter((event) => event.type === 'stage-end').map((event) => event.type === 'stage-end' && event.stage)).toEqual(expected);
    }
    const manifest = JSON.parse(await readFile(join(outputDir, loaded.config.name, 'manifest.json'), 'utf8')) as { timings_ms: Record<string, number> };
    expect(Object.keys(manifest.timings_ms)).toEqual([...expected, 'total']);
  });

  it('sends harmful verdicts to the toxic set unprobed, and only those', async () => {
    const loaded = smallConfig({ seeds: { paths: ['seeds'], categories: ['violence', 'illegal', 'self-harm'], limit: 6 }, simulator: { seed: 9, latencyMs: 1 } });
    const { exported } = await runInProcess({ loaded, outputDir: await temp.make() });
    const toxic = await readJsonl(join(exported.dir, 'data', 'toxic.jsonl'));
    const all = await readJsonl(join(exported.dir, 'data', 'all.jsonl'));
    expect(toxic.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(0);
    for (const record of toxic) expect(record).toMatchObject({ label: 'harmful', probes: [], hard: false });
    for (const record of all) {
      expect(record.label).not.toBe('harmful');
      expect((record.probes as unknown[]).length).toBe(loaded.config.targets.length);
    }
  });
});
