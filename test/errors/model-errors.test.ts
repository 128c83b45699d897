import { describe, expect, it } from 'vitest';
import { isModelCallError, MAX_RETRY_AFTER_MS, ModelCallError } from '../../pipeline/errors/model-call-error.ts';
import { isModelOutputError, ModelOutputError } from '../../pipeline/errors/model-output-error.ts';
import { isRetryableError, retryAfterOf } from '../../pipeline/errors/retryable.ts';
import { createModels } from '../../pipeline/models/create-models.ts';
import { UsageMeter } from '../../pipeline/models/usage-meter.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { startSimulator } from '../../simulator/index.ts';

describe('typed model errors', () => {
  it('are recognised by their marker, not by a name an ordinary Error can carry', () => {
    const real = new ModelCallError({ message: 'boom', endpoint: 'http://x/v1', statusCode: 503 });
    // What a failure rebuilt from its stored name and message looks like.
    const rebuilt = Object.assign(new Error('boom'), { name: 'ModelCallError' });
    expect(isModelCallError(real)).toBe(true);
    expect(isModelCallError(rebuilt)).toBe(false);
    expect(isRetryableError(rebuilt)).toBe(false);
    expect(isModelOutputError(new ModelOutputError({ message: 'bad json', endpoint: 'e' }))).toBe(true);
    expect(isModelOutputError(Object.assign(new Error('bad json'), { name: 'ModelOutputError' }))).toBe(false);
    expect(isModelCallError(new ModelOutputError({ message: 'bad json', endpoint: 'e' }))).toBe(false);
  });

  it('say whether to retry from the status, unless told otherwise', () => {
    const retryable = (statusCode: number | null) => new ModelCallError({ message: 'm', endpoint: 'e', statusCode }).isRetryable;
    expect([408, 409, 429, 500, 502, 503, null].map(retryable)).toEqual([true, true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 422].map(retryable)).toEqual([false, false, false, false, false]);
    expect(new ModelCallError({ message: 'm', endpoint: 'e', statusCode: 500, isRetryable: false }).isRetryable).toBe(false);
  });

  it('keep a Retry-After only within 0 to 60 s; beyond it normal backoff applies', () => {
    const wait = (retryAfterMs: number) => retryAfterOf(new ModelCallError({ message: 'm', endpoint: 'e', statusCode: 429, retryAfterMs }));
    expect(wait(0)).toBe(0);
    expect(wait(2_500)).toBe(2_500);
    expect(wait(MAX_RETRY_AFTER_MS)).toBe(MAX_RETRY_AFTER_MS);
    expect(wait(MAX_RETRY_AFTER_MS + 1)).toBeNull();
    expect(wait(86_400_000)).toBeNull();
    expect(wait(-5)).toBeNull();
  });

  it('a server asking for an hour-long wait is retried with backoff and given up on in seconds', async () => {
    const simulator = await startSimulator({ port: 0, faultRate: 1, faults: { kinds: ['rate_limit'], retryAfterMs: 3_600_000 } });
    try {
      const config = Config.parse({ targets: [{ model: 'sim-target', maxAttempts: 3 }] });
      const models = createModels({ config, simulatorUrl: simulator.url, meter: new UsageMeter() });
      const started = Date.now();
      const error = await models.targets[0]!.generateText({ messages: [{ role: 'user', content: 'hello' }] }).catch((caught: unknown) => caught);
      expect(isModelCallError(error) && error.statusCode).toBe(429);
      expect(simulator.stats().faults.rate_limit).toBe(3);
      // Three attempts with backoff between them, not an hour of waiting.
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await simulator.close();
    }
  });
});
