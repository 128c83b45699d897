import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBudgetExhaustedError } from '../../pipeline/errors/budget-exhausted-error.ts';
import { ModelCallError } from '../../pipeline/errors/model-call-error.ts';
import { createBudgetedModel } from '../../pipeline/cost/budgeted-model.ts';
import { LocalCallBudget } from '../../pipeline/cost/call-budget.ts';
import { loadConfig } from '../../pipeline/input/load-config.ts';
import { EndpointGate } from '../../pipeline/models/endpoint-gate.ts';
import { createManagedModel } from '../../pipeline/models/managed-model.ts';
import { UsageMeter } from '../../pipeline/models/usage-meter.ts';
import { ScriptedModel } from '../support/scripted-model.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const messages = [{ role: 'user' as const, content: 'a prompt of about forty characters long.' }];

function budgeted(options: { budget: LocalCallBudget; answers: unknown[]; pricing?: { inputPerMillion: number; outputPerMillion: number } }) {
  const scripted = new ScriptedModel('m', options.answers);
  const meter = new UsageMeter();
  const model = createManagedModel({
    model: createBudgetedModel({ model: scripted, budget: options.budget, pricing: options.pricing, endpoint: 'test (m)' }),
    gate: new EndpointGate({ maxConcurrency: 4 }),
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    meter,
    role: 'judge:m',
    pricing: options.pricing,
  });
  return { scripted, meter, model };
}

describe('the call budget', () => {
  it('refuses the call past maxCalls before it is made, without a retry or a failure counted', async () => {
    const budget = new LocalCallBudget({ maxCalls: 2, maxCostUsd: null });
    const { scripted, meter, model } = budgeted({ budget, answers: ['a', 'b', 'c'] });
    await model.generateText({ messages });
    await model.generateText({ messages });
    const refused = await model.generateText({ messages }).catch((error: unknown) => error);
    expect(isBudgetExhaustedError(refused)).toBe(true);
    expect(String(refused)).toContain('budget reached (budget.maxCalls: 2 calls)');
    expect(scripted.calls).toHaveLength(2);
    expect(meter.snapshot()['judge:m']).toMatchObject({ calls: 2, failedCalls: 0 });
    expect(await budget.state()).toEqual({ calls: 2, costUsd: 0, stoppedBy: 'budget.maxCalls' });
  });

  it('counts every attempt as a call: a retried failure uses the budget too', async () => {
    const budget = new LocalCallBudget({ maxCalls: 2, maxCostUsd: null });
    const { scripted, model } = budgeted({ budget, answers: [new ModelCallError({ message: 'busy', endpoint: 'e', statusCode: 503 }), new ModelCallError({ message: 'busy', endpoint: 'e', statusCode: 503 }), 'never'] });
    const error = await model.generateText({ messages }).catch((caught: unknown) => caught);
    expect(isBudgetExhaustedError(error)).toBe(true);
    expect(scripted.calls).toHaveLength(2);
  });

  it('keeps spending within maxCostUsd, counting the estimate of the calls in flight', async () => {
    // 10 prompt + 5 completion tokens a call at $1M / $1M per million: $15 a call; max_tokens 5 makes the estimate close.
    const pricing = { inputPerMillion: 1_000_000, outputPerMillion: 1_000_000 };
    const budget = new LocalCallBudget({ maxCalls: null, maxCostUsd: 100 });
    const { scripted, model } = budgeted({ budget, answers: Array(20).fill('x'), pricing });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => model.generateText({ messages, maxTokens: 5 })));
    const state = await budget.state();
    expect(state.stoppedBy).toBe('budget.maxCostUsd');
    expect(state.costUsd).toBeLessThanOrEqual(100);
    expect(scripted.calls.length).toBe(results.filter((result) => result.status === 'fulfilled').length);
    expect(scripted.calls.length).toBeGreaterThan(0);
  });
});

async function problemsOf(config: unknown): Promise<string> {
  const dir = await temp.make();
  await writeFile(join(dir, 'my.json'), JSON.stringify(config, null, 2));
  return loadConfig(join(dir, 'my.json')).then(
    () => '',
    (error: Error) => error.message,
  );
}

describe('budget config problems', () => {
  it.each([0, -5, 2.5])('refuses maxCalls %s, naming the field', async (maxCalls) => {
    expect(await problemsOf({ budget: { maxCalls } })).toMatch(/my\.json:3: budget\.maxCalls: must be (at least 1 call|a whole number of calls)/);
  });

  it.each([0, -1])('refuses maxCostUsd %s, naming the field', async (maxCostUsd) => {
    expect(await problemsOf({ budget: { maxCostUsd } })).toMatch(/budget\.maxCostUsd: must be more than 0 US dollars/);
  });

  it('refuses maxCostUsd when a role has no pricing, naming the field and the roles', async () => {
    const priced = { inputPerMillion: 2.5, outputPerMillion: 10 };
    const message = await problemsOf({ budget: { maxCostUsd: 5 }, generator: { model: 'sim-generator', pricing: priced }, judges: [{ model: 'sim-judge-1', pricing: priced }, { model: 'sim-judge-2' }], targets: [{ model: 'sim-target' }] });
    expect(message).toMatch(/budget\.maxCostUsd: needs pricing on every role to count cost, and judges\[1\] \(sim-judge-2\), targets\[0\] \(sim-target\) have none/);
  });

  it('accepts maxCostUsd when every role is priced', async () => {
    const pricing = { inputPerMillion: 2.5, outputPerMillion: 10 };
    expect(await problemsOf({ budget: { maxCostUsd: 5, maxCalls: 10 }, generator: { model: 'g', pricing }, judges: [{ model: 'j', pricing }], targets: [{ model: 't', pricing }] })).toBe('');
  });
});
