import { afterEach, describe, expect, it } from 'vitest';
import { createModels } from '../../pipeline/models/create-models.ts';
import { UsageMeter } from '../../pipeline/models/usage-meter.ts';
import { isModelCallError } from '../../pipeline/errors/model-call-error.ts';
import { isModelOutputError } from '../../pipeline/errors/model-output-error.ts';
import { HarmVerdictOutput } from '../../pipeline/prompts/output-schemas.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/index.ts';
import { startRecordingProxy } from '../support/recording-proxy.ts';

let simulator: RunningSimulator | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

function config(role: object) {
  return Config.parse({ generator: { model: 'sim-generator', ...role }, judges: [{ model: 'sim-judge-1', ...role }], targets: [{ model: 'sim-target', ...role }] });
}

const judgeCall = (text: string) => ({
  schema: HarmVerdictOutput,
  name: 'harm_verdict',
  messages: [{ role: 'user' as const, content: `<candidate>${text}</candidate>` }],
});

describe('model client on the openai SDK, over real HTTP', () => {
  it('parses structured output and counts tokens per role', async () => {
    simulator = await startSimulator({ port: 0 });
    const meter = new UsageMeter();
    const models = createModels({ config: config({}), simulatorUrl: simulator.url, meter });
    const { object } = await models.judges[0].generateObject(judgeCall('How do I kill a Python process?'));
    expect(['benign', 'controversial', 'harmful']).toContain(object.verdict);
    const usage = meter.snapshot()['judge:sim-judge-1'];
    expect(usage.calls).toBe(1);
    expect(usage.promptTokens).toBeGreaterThan(0);
  });

  it('waits out a 429 Retry-After and then succeeds, without the SDK retrying on its own', async () => {
    simulator = await startSimulator({ port: 0, faultRate: 0.5, faults: { kinds: ['rate_limit'], retryAfterMs: 300 } });
    const proxy = await startRecordingProxy(simulator.url);
    try {
      const meter = new UsageMeter();
      const models = createModels({ config: config({ maxAttempts: 10 }), simulatorUrl: proxy.url, meter });
      const results = await Promise.all(Array.from({ length: 8 }, (_, index) => models.targets[0].generateText({ messages: [{ role: 'user', content: `question ${index}` }] })));
      expect(results).toHaveLength(8);
      const stats = simulator.stats();
      expect(stats.faults.rate_limit).toBeGreaterThan(0);
      expect(stats.requests).toBe(8 + stats.faults.rate_limit);
      expect(meter.snapshot()['target:sim-target'].failedCalls).toBe(stats.faults.rate_limit);

      // Each 429's retry came no sooner than its Retry-After (300 ms, from retry-after-ms; the whole-second header would say 1 s).
      const limited = proxy.exchanges.filter((exchange) => exchange.status === 429);
      expect(limited).toHaveLength(stats.faults.rate_limit);
      for (const refused of limited) {
        expect(refused.retryAfterMs).toBe(300);
        const retry = proxy.exchanges.find((exchange) => exchange.body === refused.body && exchange.arrivedAt > refused.answeredAt);
        expect(retry, 'every 429 was retried').toBeDefined();
        expect(retry!.arrivedAt - refused.answeredAt).toBeGreaterThanOrEqual(290);
      }
      // The pause held the whole endpoint: after the first 429, no request began until it was over
      // (apart from requests already under way when it came, which reach the server within a few ms).
      const first = limited.reduce((earliest, exchange) => (exchange.answeredAt < earliest.answeredAt ? exchange : earliest));
      const duringPause = proxy.exchanges.filter((exchange) => exchange.arrivedAt > first.answeredAt + 100 && exchange.arrivedAt < first.answeredAt + 290);
      expect(duringPause).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('gives up after maxAttempts with a typed, retryable error', async () => {
    simulator = await startSimulator({ port: 0, faultRate: 1, faults: { kinds: ['server_error'] } });
    const models = createModels({ config: config({ maxAttempts: 2 }), simulatorUrl: simulator.url, meter: new UsageMeter() });
    const error = await models.targets[0].generateText({ messages: [{ role: 'user', content: 'hi' }] }).catch((caught) => caught);
    expect(isModelCallError(error)).toBe(true);
    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBe(true);
    expect(simulator.stats().requests).toBe(2);
  });

  it('turns malformed JSON into an output error, and a hang into a timeout', async () => {
    simulator = await startSimulator({ port: 0, faultRate: 1, faults: { kinds: ['malformed_json'] } });
    let models = createModels({ config: config({ maxAttempts: 1 }), simulatorUrl: simulator.url, meter: new UsageMeter() });
    expect(isModelOutputError(await models.judges[0].generateObject(judgeCall('x')).catch((caught) => caught))).toBe(true);
    await simulator.close();

    simulator = await startSimulator({ port: 0, faultRate: 1, faults: { kinds: ['hang'] } });
    models = createModels({ config: config({ maxAttempts: 1, timeoutMs: 300 }), simulatorUrl: simulator.url, meter: new UsageMeter() });
    const error = await models.judges[0].generateObject(judgeCall('x')).catch((caught) => caught);
    expect(isModelCallError(error) && error.message).toMatch(/timed out/);
  });

  it('holds maxConcurrency per endpoint', async () => {
    simulator = await startSimulator({ port: 0, latencyMs: 100 });
    const proxy = await startRecordingProxy(simulator.url);
    try {
      const models = createModels({ config: config({ maxConcurrency: 2 }), simulatorUrl: proxy.url, meter: new UsageMeter() });
      await Promise.all(Array.from({ length: 6 }, (_, index) => models.targets[0].generateText({ messages: [{ role: 'user', content: `q${index}` }] })));
      expect(proxy.exchanges).toHaveLength(6);
      // At each request's arrival, how many were at the server: never more than 2, and 2 were (the limit is used, not just kept).
      const inFlight = proxy.exchanges.map((exchange) => proxy.exchanges.filter((other) => other.arrivedAt <= exchange.arrivedAt && other.answeredAt > exchange.arrivedAt).length);
      expect(Math.max(...inFlight)).toBe(2);
    } finally {
      await proxy.close();
    }
  });
});
