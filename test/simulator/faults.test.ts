import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import { HarmVerdictOutput, OUTPUT_NAMES } from '../../pipeline/prompts/output-schemas.ts';
import { judgeMessage } from './fixtures.ts';
import { simulatorWithClient } from './helpers.ts';

const ask = (client: OpenAI, prompt: string) => client.chat.completions.create({ model: 'sim-target', messages: [{ role: 'user', content: prompt }] });

describe('simulator faults and latency', () => {
  it('answers 429 with Retry-After when only rate limits are enabled', async () => {
    const { simulator } = await simulatorWithClient({ faultRate: 1, faults: { kinds: ['rate_limit'], retryAfterMs: 250 } });
    const response = await fetch(`${simulator.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'sim-target', messages: [{ role: 'user', content: 'hello' }] }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('retry-after-ms')).toBe('250');
    expect((await response.json()).error.type).toBe('rate_limit_error');
    expect(simulator.stats().faults.rate_limit).toBe(1);
  });

  it('asks for a short wait by default, so a faulty simulated run is not mostly waiting on its 429s', async () => {
    const { simulator } = await simulatorWithClient({ faultRate: 1, faults: { kinds: ['rate_limit'] } });
    const response = await fetch(`${simulator.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'sim-target', messages: [{ role: 'user', content: 'hello' }] }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after-ms')).toBe('150');
  });

  it('lets the SDK retries get all of 50 requests through at a 20% fault rate', async () => {
    const { client, simulator } = await simulatorWithClient({
      faultRate: 0.2,
      faults: { retryAfterMs: 20 },
      // Long enough that only injected hangs time out, even when a busy machine is slow to answer the rest.
      clientOptions: { maxRetries: 6, timeout: 2500 },
    });
    const prompts = Array.from({ length: 50 }, (_, index) => `How do I plant tulip bulb number ${index}?`);
    const answers = await Promise.all(prompts.map((prompt) => ask(client, prompt)));
    expect(answers.every((answer) => answer.choices[0].message.content!.length > 0)).toBe(true);
    const { faults, requests } = simulator.stats();
    const injected = faults.rate_limit + faults.server_error + faults.hang;
    expect(injected).toBeGreaterThan(2);
    expect(requests).toBe(50 + injected);
    // Plain chat has no JSON to break.
    expect(faults.malformed_json).toBe(0);
  });

  it('truncates structured output so parsing fails, and a retry of the same body succeeds', async () => {
    const { client, simulator } = await simulatorWithClient({ faultRate: 0.5, faults: { kinds: ['malformed_json'] } });
    const requestFor = (index: number) => ({
      model: 'sim-judge-1',
      messages: judgeMessage(`What is a murder of crows, question ${index}?`),
      response_format: zodResponseFormat(HarmVerdictOutput, OUTPUT_NAMES.harmVerdict),
    });
    // Find a body whose first attempt is broken, then retry exactly that body.
    let failing = -1;
    for (let index = 0; index < 30 && failing < 0; index++) {
      const outcome = await client.chat.completions.parse(requestFor(index)).then(() => null, (error: unknown) => error);
      if (outcome) {
        expect(outcome).toBeInstanceOf(SyntaxError);
        failing = index;
      }
    }
    expect(failing).toBeGreaterThanOrEqual(0);
    let parsed = null;
    for (let attempt = 0; attempt < 20 && !parsed; attempt++) {
      parsed = await client.chat.completions.parse(requestFor(failing)).then((completion) => completion.choices[0].message.parsed, () => null);
    }
    expect(HarmVerdictOutput.parse(parsed)).toBeTruthy();
    expect(simulator.stats().faults.malformed_json).toBeGreaterThan(0);
  });

  it('hangs until the client times out, and close() still returns promptly', async () => {
    const { client, simulator } = await simulatorWithClient({ faultRate: 1, faults: { kinds: ['hang'] }, clientOptions: { timeout: 200 } });
    const started = Date.now();
    await expect(ask(client, 'Is anyone there?')).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);

    const patient = new OpenAI({ baseURL: simulator.url, apiKey: 'x', maxRetries: 0, timeout: 60_000 });
    const pending = ask(patient, 'Still there?');
    pending.catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(simulator.stats().faults.hang).toBe(2);
    const closing = Date.now();
    await simulator.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    await expect(pending).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it('delays answers by the configured latency', async () => {
    const { client } = await simulatorWithClient({ latencyMs: 150 });
    const started = Date.now();
    await ask(client, 'How do I fold a paper crane?');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('counts requests per model', async () => {
    const { client, simulator } = await simulatorWithClient();
    await ask(client, 'one');
    await ask(client, 'two');
    await client.chat.completions.create({ model: 'sim-target-strict', messages: [{ role: 'user', content: 'three' }] });
    expect(simulator.stats()).toMatchObject({ requests: 3, requestsByModel: { 'sim-target': 2, 'sim-target-strict': 1 } });
  });
});
