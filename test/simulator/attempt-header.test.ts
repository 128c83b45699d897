import { describe, expect, it } from 'vitest';
import { ATTEMPT_HEADER } from '../../pipeline/models/simulator-protocol.ts';
import { simulatorWithClient } from './helpers.ts';

const prompts = Array.from({ length: 40 }, (_, index) => `How do I prune apple tree number ${index}?`);

/** The status of each prompt's given attempt, sent as raw HTTP like any client would. */
async function statuses(url: string, attempt: number | null): Promise<number[]> {
  return Promise.all(
    prompts.map(async (prompt) => {
      const response = await fetch(`${url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(attempt === null ? {} : { [ATTEMPT_HEADER]: String(attempt) }) },
        body: JSON.stringify({ model: 'sim-target', messages: [{ role: 'user', content: prompt }] }),
      });
      await response.arrayBuffer();
      return response.status;
    }),
  );
}

describe('the attempt a client says a request is', () => {
  it('decides the fault, so another simulator instance answers a retry as the first would have', async () => {
    const options = { seed: 3, faultRate: 0.4, faults: { kinds: ['rate_limit', 'server_error'] as ('rate_limit' | 'server_error')[] } };
    const first = await simulatorWithClient(options);
    const second = await simulatorWithClient(options);

    // The first attempts seen by one instance, the second attempts by a fresh one (as when a retry lands on another worker).
    const firstAttempts = await statuses(first.simulator.url, 1);
    const secondAttempts = await statuses(second.simulator.url, 2);
    expect(firstAttempts.filter((status) => status !== 200).length).toBeGreaterThan(5);
    // Without the header the fresh instance would count the second attempts as first ones and fail the same requests again.
    expect(await statuses(second.simulator.url, 1)).toEqual(firstAttempts);
    expect(await statuses(first.simulator.url, 2)).toEqual(secondAttempts);
    expect(secondAttempts).not.toEqual(firstAttempts);

    // With no header, an instance counts attempts itself: its first and second sight of a body are attempts 1 and 2.
    const counting = await simulatorWithClient(options);
    expect(await statuses(counting.simulator.url, null)).toEqual(firstAttempts);
    expect(await statuses(counting.simulator.url, null)).toEqual(secondAttempts);
  });

  it('must be a whole number from 1', async () => {
    const { simulator } = await simulatorWithClient({ faultRate: 0.5 });
    const response = await fetch(`${simulator.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ATTEMPT_HEADER]: '0' },
      body: JSON.stringify({ model: 'sim-target', messages: [{ role: 'user', content: 'hello' }] }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain(ATTEMPT_HEADER);
  });
});
