import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/index.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { proxyEnv, startConnectProxy, type ConnectProxy } from '../support/connect-proxy.ts';

const temp = useTempDir();
let simulator: RunningSimulator;
let proxy: ConnectProxy;

beforeAll(async () => {
  // A model server at a non-loopback-named address (127.0.0.2), so the proxy rules apply to it.
  simulator = await startSimulator({ host: '127.0.0.2', port: 0 });
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await simulator.close();
  await proxy.close();
});

async function runAgainst(baseURL: string | undefined, env: NodeJS.ProcessEnv) {
  const role = (model: string) => ({ model, ...(baseURL ? { baseURL } : {}) });
  const config = {
    name: 'proxied',
    seeds: { paths: [join(PROJECT_ROOT, 'seeds')], limit: 1, categories: ['privacy'] },
    generator: role('sim-generator'),
    judges: [role('sim-judge-1')],
    targets: [role('sim-target')],
  };
  const dir = await temp.make({ 'config.json': JSON.stringify(config) });
  return runCliInProcess(['run', '--quiet', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')], { env: proxyEnv(env) });
}

describe('proxies', () => {
  it('sends model calls through HTTP_PROXY, and never loopback or NO_PROXY hosts', async () => {
    const proxied = await runAgainst(simulator.url, { HTTP_PROXY: proxy.url });
    expect(proxied.code, proxied.stderr).toBe(0);
    const address = new URL(simulator.url).host;
    expect(proxy.tunnels.filter((target) => target === address).length).toBeGreaterThan(0);

    // NO_PROXY names the host: no tunnel, and the run still works.
    proxy.tunnels.length = 0;
    const direct = await runAgainst(simulator.url, { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.2' });
    expect(direct.code, direct.stderr).toBe(0);
    expect(proxy.tunnels).toEqual([]);

    // The built-in simulator (on loopback) works whatever proxy is set, even a dead one.
    const builtIn = await runAgainst(undefined, { HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' });
    expect(builtIn.code, builtIn.stderr).toBe(0);
  });
});
