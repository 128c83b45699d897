import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { ModelCallError } from '../../pipeline/errors/model-call-error.ts';
import { UsageMeter } from '../../pipeline/models/usage-meter.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { AttemptEndedError } from '../../workers/attempt-ended-error.ts';
import { CallLedger } from '../../workers/call-ledger.ts';
import { jobModels } from '../../workers/job-models.ts';
import { ScriptedModel } from '../support/scripted-model.ts';

const messages = [{ role: 'user' as const, content: 'how do I kill a Python process?' }];

describe('a job attempt that fails', () => {
  it('waits for the calls its stage chains on answers, and makes none that start after it ended', async () => {
    const config = Config.parse({});
    // Sample 0 fails with attempts left, so the job will be tried again; the others answer.
    const target = new ScriptedModel('sim-target', (call) => (call.seed === 0 ? new ModelCallError({ message: 'server error', endpoint: 'sim-target', statusCode: 500 }) : `answer ${call.seed}`));
    const unused = new ScriptedModel('unused', []);
    // A first attempt reads nothing from Redis, and this test saves nothing.
    const ledger = await CallLedger.open({ redis: {} as Redis, key: 'calls', itemId: 'item', resume: false });
    const models = jobModels({ generator: unused, judges: config.judges.map(() => unused), targets: [target], refusalJudge: null }, { config, meter: new UsageMeter(), ledger });
    const sample = (seed: number) => models.targets[0]!.generateText({ messages, seed });

    const failing = sample(0);
    // Chained on an answer, as a refusal judge on its target's response: made in this attempt.
    const chained = sample(1).then(() => sample(2));
    // Started after a timer, as the first refusal judge of a worker process, whose prompt template is still loading.
    const late = sleep(30).then(() => sample(3));
    await expect(failing).rejects.toThrow('server error');
    await ledger.settled();
    await expect(chained).resolves.toMatchObject({ text: 'answer 2' });
    // Its answer could not reach the saved ledger: the next attempt makes it, once, as in-process retries would.
    await expect(late).rejects.toBeInstanceOf(AttemptEndedError);
    expect(target.calls.map((call) => call.seed)).toEqual([0, 1, 2]);
    expect(ledger.retryable?.attempt).toBe(1);
  });
});
