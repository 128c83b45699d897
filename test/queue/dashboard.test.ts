import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { freePort } from '../support/free-port.ts';
import { spawnWorker, type SpawnedWorker } from './spawn-worker.ts';
import { deletePrefix, testPrefix } from './support.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** `scarecrow dashboard --port PORT` as a user starts it, once it says where it is. */
async function startDashboardCommand(options: { prefix: string; port: number }): Promise<SpawnedWorker> {
  const dashboard = spawnWorker({ prefix: options.prefix, command: 'dashboard', args: ['--port', String(options.port)] });
  cleanups.push(async () => {
    dashboard.child.kill('SIGKILL');
    await dashboard.exited;
  });
  for (const deadline = Date.now() + 30_000; !dashboard.output().includes('dashboard at '); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() > deadline || dashboard.child.exitCode !== null) throw new Error(`the dashboard did not start:\n${dashboard.output()}`);
  }
  return dashboard;
}

/** An address of this machine other than loopback, which a dashboard on localhost must not answer on. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces()).flat().find((entry) => entry && !entry.internal && entry.family === 'IPv4')?.address;
}

describe('scarecrow dashboard', () => {
  it('serves Bull Board over the stage queues on 127.0.0.1 only, and says it has no authentication', async () => {
    const prefix = testPrefix();
    cleanups.push(() => deletePrefix(prefix));
    const port = await freePort();
    const dashboard = await startDashboardCommand({ prefix, port });
    const url = `http://127.0.0.1:${port}/`;
    expect(dashboard.output()).toContain(`dashboard at ${url}`);
    expect(dashboard.output()).toMatch(/NO authentication/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const queues = await (await fetch(new URL('api/queues', url))).json();
    expect(queues.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([...QUEUE_STAGES].sort());
    expect(queues.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['dedupe', 'export', 'generate', 'judge', 'probe', 'refresh']);
    expect(await (await fetch(new URL('healthz', url))).text()).toMatch(/NO authentication/);

    // Only loopback answers: the same port on the machine's network address refuses the connection.
    const outside = outsideAddress();
    if (outside) {
      const refused = await fetch(`http://${outside}:${port}/`).then(() => null, (error: Error & { cause?: { code?: string } }) => error.cause?.code);
      expect(refused).toBe('ECONNREFUSED');
    }

    dashboard.child.kill('SIGTERM');
    expect(await dashboard.exited).toBe(0);
  });
});
