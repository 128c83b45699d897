import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageMeter } from '../../pipeline/models/usage-meter.ts';
import { RunJournal } from '../../pipeline/runs/run-journal.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const PRICING = { inputPerMillion: 2, outputPerMillion: 8 };

describe('the run journal counts what results cost', () => {
  it('a resumed run counts the calls behind reused results, priced, and what stopped work had spent apart', async () => {
    const file = join(await temp.make(), '.run.journal.jsonl');
    const first = new UsageMeter();
    const stop = new AbortController();
    const journal = await RunJournal.open({ file, fingerprint: 'f', meter: first, stopped: stop.signal });
    const value = await journal.remember('judge', 'a', async () => {
      first.record('judge:j', { promptTokens: 1000, completionTokens: 100 }, PRICING);
      first.recordFailure('judge:j', PRICING);
      first.record('judge:j', { promptTokens: 1000, completionTokens: 100 }, PRICING);
      return { label: 'benign' };
    });
    expect(value).toEqual({ label: 'benign' });
    await expect(
      journal.remember('judge', 'b', async () => {
        first.record('judge:j', { promptTokens: 500, completionTokens: 0 }, PRICING);
        // Ctrl-C: the next call is cut short, which is a stop, not a failed call.
        stop.abort();
        first.recordFailure('judge:j', PRICING);
        throw new DOMException('interrupted', 'AbortError');
      }),
    ).rejects.toThrow('interrupted');
    expect(journal.kept).toBe(1);
    await journal.close();

    const second = new UsageMeter();
    const resumed = await RunJournal.open({ file, fingerprint: 'f', meter: second });
    expect(resumed.available).toBe(1);
    expect(await resumed.remember('judge', 'a', async () => { throw new Error('must not be called again'); })).toEqual({ label: 'benign' });
    await resumed.remember('judge', 'b', async () => {
      second.record('judge:j', { promptTokens: 500, completionTokens: 50 }, PRICING);
      return { label: 'harmful' };
    });
    await resumed.close();

    // Two calls reused (and one failed attempt), one made now: all three are the run's usage.
    expect(second.snapshot()).toEqual({ 'judge:j': { calls: 3, failedCalls: 1, promptTokens: 2500, completionTokens: 250, costUsd: 0.007 } });
    expect(resumed.reused).toBe(1);
    expect(resumed.resumedUsage()).toEqual({ 'judge:j': { calls: 2, failedCalls: 1, promptTokens: 2000, completionTokens: 200, costUsd: 0.0056 } });
    // The call the stopped run made for `b` was paid for but its result was lost.
    expect(resumed.lostUsage()).toEqual({ 'judge:j': { calls: 1, failedCalls: 0, promptTokens: 500, completionTokens: 0, costUsd: 0.001 } });
  });

  it('concurrent pieces of work are each measured on their own', async () => {
    const meter = new UsageMeter();
    const work = (tokens: number) => meter.measure(async () => {
      for (let call = 0; call < 3; call += 1) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        meter.record('r', { promptTokens: tokens, completionTokens: 0 });
      }
      return tokens;
    });
    const results = await Promise.all([work(1), work(10), work(100)]);
    expect(results.map((result) => result.usage.r?.promptTokens)).toEqual([3, 30, 300]);
    expect(meter.snapshot().r).toMatchObject({ calls: 9, promptTokens: 333 });
  });

  it('merging a priced role into an empty meter keeps its cost', () => {
    const meter = new UsageMeter();
    meter.merge({ 'judge:j': { calls: 1, failedCalls: 0, promptTokens: 10, completionTokens: 1, costUsd: 0.25 } });
    meter.merge({ 'judge:j': { calls: 1, failedCalls: 0, promptTokens: 10, completionTokens: 1, costUsd: 0.5 } });
    expect(meter.snapshot()['judge:j']!.costUsd).toBe(0.75);
  });
});
