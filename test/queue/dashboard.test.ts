import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { freePort } from '../support/free-port.ts';
import { useQueueFixture, waitForOutput } from './support.ts';

/** An address of this machine other than loopback, which a dashboard on localhost must not answer on. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces()).flat().find((entry) => entry && !entry.internal && entry.family === 'IPv4')?.address;
}

describe('scarecrow dashboard', () => {
  it('serves Bull Board over the stage queues on 127.0.0.1 only, and says it has no authentication', async () => {
    const port = await freePort();
    // `scarecrow dashboard --port PORT` as a user starts it, once it says where it is.
    const dashboard = useQueueFixture().spawnWorker({ command: 'dashboard', args: ['--port', String(port)] });
    await waitForOutput(dashboard, 'dashboard at ');
    const url = `http://127.0.0.1:${port}/`;
    expect(dashboard.output()).toContain(`dashboard at ${url}`);
    expect(dashboard.output()).toMatch(/NO authentication/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const queues = await (await fetch(new URL('api/queues', url))).json();
    expect(queues.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([...QUEUE_STAGES].sort());
    expect(queues.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['dedupe', 'evolve', 'expand', 'export', 'generate', 'judge', 'probe', 'refresh']);
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
