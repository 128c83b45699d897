import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from '../harness-export/make-dataset.ts';
import { proxyEnv, startConnectProxy, type ConnectProxy } from '../support/connect-proxy.ts';
import { startHubStandIn, type HubStandIn } from '../support/hub-stand-in.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
let hub: HubStandIn;
let proxy: ConnectProxy;
beforeAll(async () => {
  // Known by a name only the proxy resolves: a request that goes around the proxy fails.
  hub = await startHubStandIn({ publicHost: 'hub.invalid' });
  proxy = await startConnectProxy({ hosts: { 'hub.invalid': '127.0.0.1' } });
});
afterAll(async () => {
  await hub.close();
  await proxy.close();
});

describe('push behind a proxy', () => {
  it('sends every Hub request, LFS uploads included, through the proxy', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const result = await runCliInProcess(['push', '--dataset', dir, '--repo', 'lab/proxied', '--hub-url', hub.url], { env: proxyEnv({ HF_TOKEN: hub.token, HTTP_PROXY: proxy.url }) });
    expect(result.code, result.stderr).toBe(0);
    expect(hub.repo('lab/proxied')!.commits).toHaveLength(1);
    expect([...hub.repo('lab/proxied')!.files.values()].some((file) => file.lfs)).toBe(true);
    expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(hub.url).host]));

    // Without the proxy the Hub cannot be reached at all, so the push above went through it.
    const direct = await runCliInProcess(['push', '--dataset', dir, '--repo', 'lab/proxied', '--hub-url', hub.url], { env: proxyEnv({ HF_TOKEN: hub.token }) });
    expect(direct.code).toBe(2);
    expect(direct.stderr).toMatch(/cannot reach http:\/\/hub\.invalid/);
  });
});
