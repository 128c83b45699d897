import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../pipeline/input/load-config.ts';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/index.ts';
import { echoedKeyConfig, KEY_VARIABLES } from '../secrets/echoed-key-config.ts';
import { folderTexts, occurrences, redisTexts, roleKeys } from '../secrets/find-secrets.ts';
import { startKeyEchoingEndpoint } from '../secrets/key-echoing-endpoint.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { datasetFiles, useQueueFixture, waitForOutput } from './support.ts';

const temp = useTempDir();
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await simulator.close();
});

describe('in queue mode, an endpoint that echoes the key in its errors', () => {
  it('never gets the key into Redis (results, job hashes, events), the output folder or any terminal', async () => {
    const queue = useQueueFixture();
    const { redis, prefix } = queue;
    const endpoint = await startKeyEchoingEndpoint({ upstream: simulator.url });
    queue.onCleanup(() => endpoint.close());
    const keys = roleKeys();
    const env = { ...queue.env, [KEY_VARIABLES.generator]: keys.generator, [KEY_VARIABLES.judge]: keys.judge, [KEY_VARIABLES.target]: keys.target };
    const worker = queue.spawnWorker({ args: ['--concurrency', '8'], env });
    await waitForOutput(worker, 'serving');

    const dir = await temp.make();
    await writeFile(join(dir, 'config.json'), JSON.stringify(echoedKeyConfig(endpoint.url)));
    const output = join(dir, 'out');
    const result = await runCliInProcess(['run', '--queue', '--config', join(dir, 'config.json'), '--output', output], { env });
    expect(result.code, `${result.stderr}\nworker: ${worker.output()}`).toBe(0);

    const stored = await redisTexts(redis, `${prefix}:*`);
    // The failed jobs are still there, with their reasons and stack traces, for the dashboard.
    const reasons = Object.entries(stored).filter(([where]) => where.endsWith(' failedReason')).map(([, text]) => text);
    expect(reasons.some((reason) => reason.includes('answered 401: 401 Incorrect API key provided: '))).toBe(true);
    expect(Object.keys(stored).some((where) => where.endsWith(' stacktrace'))).toBe(true);
    expect(endpoint.counts().serverError).toBeGreaterThan(0);

    const everywhere = { ...stored, ...(await folderTexts(output)), stdout: result.stdout, stderr: result.stderr, worker: worker.output() };
    expect(occurrences(everywhere, Object.values(keys))).toEqual({});

    // Scrubbed alike in both runners: the same failures, reasons and data, byte for byte.
    const reference = await runInProcess({ loaded: await loadConfig(join(dir, 'config.json')), outputDir: join(dir, 'in-process'), env: { ...process.env, ...env } });
    expect(await datasetFiles(join(output, 'echoed-key'))).toEqual(await datasetFiles(reference.exported.dir));
  }, 120_000);
});
