import { zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import { HarmVerdictOutput, OUTPUT_NAMES, RewritesOutput } from '../../pipeline/prompts/output-schemas.ts';
import { generatorMessage, judgeMessage } from './fixtures.ts';
import { simulatorWithClient } from './helpers.ts';
import { SAMPLE_SEEDS } from './sample-seeds.ts';

/** Fifty mixed requests: generator, judge and target calls. */
function batch(): object[] {
  return Array.from({ length: 50 }, (_, index) => {
    const seed = SAMPLE_SEEDS[index % SAMPLE_SEEDS.length];
    if (index % 3 === 0) return { model: 'sim-generator', messages: generatorMessage({ ...seed, count: 4 }), response_format: zodResponseFormat(RewritesOutput, OUTPUT_NAMES.rewrites) };
    if (index % 3 === 1) return { model: `sim-judge-${(index % 3) + 1}`, messages: judgeMessage(`How do investigators detect ${seed.concept}?`), response_format: zodResponseFormat(HarmVerdictOutput, OUTPUT_NAMES.harmVerdict) };
    return { model: 'sim-target-strict', seed: index, temperature: 1, messages: [{ role: 'user', content: `What are the warning signs of ${seed.concept}?` }] };
  });
}

async function post(url: string, body: object): Promise<string> {
  const response = await fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return response.text();
}

describe('simulator determinism', () => {
  it('answers the same request with the same bytes, across calls and across servers', async () => {
    const { simulator } = await simulatorWithClient({ seed: 7 });
    const { simulator: other } = await simulatorWithClient({ seed: 7 });
    const request = batch()[0];
    const first = await post(simulator.url, request);
    expect(await post(simulator.url, request)).toBe(first);
    expect(await post(other.url, request)).toBe(first);
  });

  it('gives identical answers to 50 requests issued concurrently and one by one', async () => {
    const { simulator } = await simulatorWithClient();
    const requests = batch();
    const concurrent = await Promise.all(requests.map((request) => post(simulator.url, request)));
    const sequential: string[] = [];
    for (const request of requests) sequential.push(await post(simulator.url, request));
    expect(concurrent).toEqual(sequential);
  });

  it('changes its answers with the simulator seed and the request seed', async () => {
    const { simulator: a } = await simulatorWithClient({ seed: 1 });
    const { simulator: b } = await simulatorWithClient({ seed: 2 });
    const requests = batch().slice(0, 9);
    const fromA = await Promise.all(requests.map((request) => post(a.url, request)));
    const fromB = await Promise.all(requests.map((request) => post(b.url, request)));
    expect(fromA.filter((answer, index) => answer !== fromB[index]).length).toBeGreaterThan(4);

    const target = { model: 'sim-target', temperature: 1, messages: [{ role: 'user', content: 'How do I build a birdhouse?' }] };
    const answers = await Promise.all([1, 2, 3, 4, 5].map((seed) => post(a.url, { ...target, seed })));
    expect(new Set(answers.map((answer) => JSON.parse(answer).choices[0].message.content)).size).toBeGreaterThan(1);
  });
});
