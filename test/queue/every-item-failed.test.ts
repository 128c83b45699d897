import { describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { useQueueFixture } from './support.ts';

const temp = useTempDir();

/** An OpenAI-compatible endpoint that lists its model and rejects every chat call with a 400, which no retry can fix. */
async function rejectingEndpoint(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.method === 'GET' && request.url === '/v1/models') {
      response.end(JSON.stringify({ object: 'list', data: [{ id: 'picky-generator', object: 'model', created: 0, owned_by: 'test' }] }));
      return;
    }
    response.statusCode = 400;
    response.end(JSON.stringify({ error: { message: 'this endpoint accepts no request', type: 'invalid_request_error' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`, server };
}

describe('a queue run where every item failed', () => {
  it('writes its failures and exits 1, as the in-process runner does', async () => {
    const queue = useQueueFixture();
    const { url, server } = await rejectingEndpoint();
    queue.onCleanup(() => void server.close());
    const config = {
      name: 'all-failed',
      seeds: { categories: ['privacy', 'violence'], limit: 2 },
      generator: { model: 'picky-generator', baseURL: url, maxAttempts: 1 },
      judges: [{ model: 'sim-judge' }],
      targets: [],
    };
    const dir = await temp.make({ 'config.json': JSON.stringify(config) });
    const outputDir = join(dir, 'out');
    await queue.startWorkers({ concurrency: 2 });

    const env = queue.env;
    const { code, stderr } = await runCliInProcess(['run', '--queue', '--config', join(dir, 'config.json'), '--output', outputDir], { env });
    expect(stderr).toContain(`every item failed: see ${join(outputDir, 'all-failed')}/failures.jsonl`);
    expect(code).toBe(1);
    const failures = (await readFile(join(outputDir, 'all-failed', 'failures.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(failures).toHaveLength(4);
    expect(failures.every((failure) => failure.stage === 'generate' && /400/.test(failure.reason))).toBe(true);

    // Its failed jobs stay in Redis for inspection; with the dataset gone, the same command must run it again, not wait on them.
    await rm(join(outputDir, 'all-failed'), { recursive: true });
    const again = await runCliInProcess(['run', '--queue', '--config', join(dir, 'config.json'), '--output', outputDir], { env });
    expect(again.code, again.stderr).toBe(1);
    expect(await readFile(join(outputDir, 'all-failed', 'failures.jsonl'), 'utf8')).toBe(failures.map((failure) => JSON.stringify(failure)).join('\n') + '\n');
  }, 90_000);
});
