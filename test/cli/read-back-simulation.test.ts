import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Config } from '../../pipeline/schemas/config.ts';
import { exportDataset } from '../../pipeline/dataset/export-stage.ts';
import { record, SAMPLE_ROWS } from '../harness-export/make-dataset.ts';
import { startHubStandIn, type HubStandIn } from '../support/hub-stand-in.ts';
// In-process: what is tested is what report and push say and write, not the binary.
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
let hub: HubStandIn;
beforeEach(async () => {
  hub = await startHubStandIn();
});
afterEach(async () => {
  await hub.close();
});

/** A dataset written by the real exporter; with `realGenerator`, its generator had an endpoint of its own and only the other roles were simulated. */
async function dataset(options: { realGenerator: boolean }): Promise<string> {
  const config = Config.parse({
    name: options.realGenerator ? 'partly-set' : 'sim-set',
    seeds: { categories: ['violence', 'privacy'] },
    ...(options.realGenerator ? { generator: { model: 'gpt-4o', baseURL: 'http://gpu-box:8000/v1' } } : {}),
  });
  const records = SAMPLE_ROWS.map(record);
  const seeds = [...new Map(records.map((row) => [row.seed.id, row.seed])).values()];
  const { dir } = await exportDataset(
    { outcome: { seeds, generated: records.length, records, duplicates: [], failures: [] }, usage: {}, timingsMs: { total: 1 }, simulated: true },
    { config, outputDir: await temp.make() },
  );
  return dir;
}

const PARTLY = 'PARTLY SIMULATED DATA: judges[0] (sim-judge-1), judges[1] (sim-judge-2), judges[2] (sim-judge-3) and targets[0] (sim-target) were scarecrow\'s built-in simulator';

describe('report and push of a partly simulated dataset', () => {
  it('name the simulated roles, not every model', async () => {
    const dir = await dataset({ realGenerator: true });
    const report = await runCliInProcess(['report', '--dataset', dir]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('(PARTLY SIMULATED: judges[0], judges[1], judges[2], targets[0])');
    expect(report.stderr).toContain(`warning: ${PARTLY}`);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain(`<div class="simulated" id="simulated-warning">${PARTLY.replace("'", '&#39;')}`);
    expect(html).not.toMatch(/every model/);

    const push = await runCliInProcess(['push', '--dataset', dir, '--repo', 'lab/partly-set', '--hub-url', hub.url], { env: { HF_TOKEN: hub.token } });
    expect(push.code, push.stderr).toBe(0);
    expect(push.stderr).toContain(`warning: ${PARTLY}`);
    expect(push.stderr).not.toMatch(/every model/);
    expect(hub.repo('lab/partly-set')!.commits[0]!.title).toBe('Publish partly-set (all 4, hard 2) [PARTLY SIMULATED]');
  }, 60_000);
});

describe('report and push of a fully simulated dataset', () => {
  it('keep the loud warning that every model was simulated', async () => {
    const dir = await dataset({ realGenerator: false });
    const report = await runCliInProcess(['report', '--dataset', dir]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('  (SIMULATED)');
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toContain('id="simulated-warning">SIMULATED DATA: every model in this run was scarecrow&#39;s built-in simulator');

    const push = await runCliInProcess(['push', '--dataset', dir, '--repo', 'lab/sim-set', '--hub-url', hub.url], { env: { HF_TOKEN: hub.token } });
    expect(push.code, push.stderr).toBe(0);
    expect(push.stderr).toContain('warning: SIMULATED DATA: every model in this run was scarecrow\'s built-in simulator');
    expect(hub.repo('lab/sim-set')!.commits[0]!.title).toBe('Publish sim-set (all 4, hard 2) [SIMULATED]');
  }, 60_000);
});
