import { afterEach, describe, expect, it } from 'vitest';
import { NO_AUTH_NOTICE, startDashboard } from '../../workers/dashboard/start-dashboard.ts';
import { deletePrefix, REDIS_URL, testPrefix } from './support.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the dashboard', () => {
  it('serves Bull Board on localhost by default and says it has no authentication', async () => {
    const prefix = testPrefix();
    const dashboard = await startDashboard({ redisUrl: REDIS_URL, prefix, port: 0 });
    cleanups.push(() => dashboard.close(), () => deletePrefix(prefix));
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(dashboard.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const queues = await (await fetch(new URL('api/queues', dashboard.url))).json();
    expect(queues.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['dedupe', 'export', 'generate', 'judge', 'probe', 'refresh']);
    expect(await (await fetch(new URL('healthz', dashboard.url))).text()).toContain(NO_AUTH_NOTICE);
    expect(NO_AUTH_NOTICE).toMatch(/NO authentication/);
  });
});
