import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isModelCallError } from '../../pipeline/errors/model-call-error.ts';
import { describeError } from '../../pipeline/errors/retryable.ts';
import { createOpenAIModel } from '../../pipeline/models/openai-model.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { configuredSecrets } from '../../pipeline/models/configured-secrets.ts';
import { redactSecrets } from '../../pipeline/secrets/redact.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/index.ts';
import { errorShape } from '../../workers/stored-result.ts';
import { roleKeys } from './find-secrets.ts';
import { startKeyEchoingEndpoint } from './key-echoing-endpoint.ts';

describe('redactSecrets', () => {
  it('masks key-like tokens nobody configured, keeping what names them', () => {
    const cases: [string, string][] = [
      ['Incorrect API key provided: sk-proj-Ab12Cd34Ef56Gh78Ij90.', 'Incorrect API key provided: sk-***.'],
      ['token sk-ant-api03-abcdefghijklmnop rejected', 'token sk-*** rejected'],
      // Written in two parts so the source itself holds nothing shaped like a real token.
      [`HF said ${'hf_'}AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 is invalid`, 'HF said hf_*** is invalid'],
      ['sent Authorization: Bearer eyJhbGciOi.payload.sig', 'sent Authorization: Bearer ***'],
      ['{"authorization":"Basic dXNlcjpwYXNz"}', '{"authorization":"Basic ***"}'],
      ['with bearer abcdefgh12345678 attached', 'with bearer *** attached'],
      ['GET https://x.azure.com/openai?api-version=2024&api-key=0123abcd failed', 'GET https://x.azure.com/openai?api-version=2024&api-key=*** failed'],
      ['https://h/v1?key=AIzaSyAbc123&x=1', 'https://h/v1?key=***&x=1'],
      ['{"api_key": "local-abc"} x-api-key: zz99', '{"api_key": "***"} x-api-key: ***'],
      ['cannot reach http://admin:hunter2@gpu-box:8000/v1', 'cannot reach http://***@gpu-box:8000/v1'],
      ['redis://:s3cret@redis:6379 refused', 'redis://***@redis:6379 refused'],
    ];
    for (const [text, redacted] of cases) expect(redactSecrets(text), text).toBe(redacted);
  });

  it('masks every configured secret, however it was written out, and leaves ordinary text alone', () => {
    const secret = 'plain/token+with=odd chars';
    expect(redactSecrets(`a ${secret} b ${encodeURIComponent(secret)} c`, [secret])).toBe('a *** b *** c');
    const prose = 'The bearer of bad news asked about the task-manager and a risk-assessment (apiKeyEnv names OPENAI_API_KEY).';
    expect(redactSecrets(prose, ['no'])).toBe(prose);
  });
});

describe('configuredSecrets', () => {
  it('collects each role key, HF_TOKEN and credentials in base URLs', () => {
    const config = Config.parse({
      generator: { model: 'g', baseURL: 'https://gen.example/v1', apiKeyEnv: 'GEN' },
      judges: [{ model: 'j', apiKeyEnv: 'JUDGE' }],
      targets: [{ model: 't', apiKeyEnv: 'UNSET' }],
    });
    // The config schema refuses credentials in a URL; a config built in code can still hold them.
    config.generator.baseURL = 'https://user:pa55@gen.example/v1?api-key=q-key';
    const secrets = configuredSecrets({ config, env: { GEN: 'gen-key', JUDGE: 'judge-key', HF_TOKEN: 'hf_token' } });
    expect(new Set(secrets)).toEqual(new Set(['gen-key', 'judge-key', 'hf_token', 'user', 'pa55', 'q-key']));
  });
});

describe('a model endpoint that echoes the key', () => {
  let simulator: RunningSimulator;
  let endpoint: Awaited<ReturnType<typeof startKeyEchoingEndpoint>>;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
    endpoint = await startKeyEchoingEndpoint({ upstream: simulator.url });
  });
  afterAll(async () => {
    await endpoint.close();
    await simulator.close();
  });

  it('throws an error whose message, stack, fields and causes hold no key', async () => {
    // A key of no known shape: only the configured value can catch it.
    const key = roleKeys().judge;
    const model = createOpenAIModel({ model: 'sim-target', baseURL: endpoint.url, apiKey: key, timeoutMs: 5_000 });
    const errors: unknown[] = [];
    for (let index = 0; errors.length < 6 && index < 60; index += 1) {
      await model.generateText({ messages: [{ role: 'user', content: `prompt ${index}` }] }).catch((error: unknown) => errors.push(error));
    }
    expect(errors.some((error) => isModelCallError(error) && error.statusCode === 401)).toBe(true);
    expect(errors.some((error) => isModelCallError(error) && error.statusCode === 500)).toBe(true);
    for (const error of errors) {
      const everything = [inspect(error, { depth: 10, showHidden: true }), (error as Error).stack, describeError(error), JSON.stringify(errorShape(error))].join('\n');
      expect(everything).toContain('***');
      expect(everything).not.toContain(key);
    }
  });
});
