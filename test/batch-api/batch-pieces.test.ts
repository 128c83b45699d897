import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chunks } from '../../pipeline/batch-api/batch-collector.ts';
import { chatBody } from '../../pipeline/batch-api/batch-line.ts';
import { checkBatchSupport } from '../../pipeline/batch-api/check-batch-support.ts';
import { segmentUsesBatches } from '../../pipeline/batch-api/batched-stages.ts';
import { planRun } from '../../pipeline/cost/plan-run.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { segments } from '../../pipeline/stages/stage-graph.ts';

describe('Batch API pieces', () => {
  it('split input files at the request count and the byte size, keeping the order', () => {
    const lines = Array.from({ length: 7 }, (_, index) => ({ index, bytes: 10 }));
    expect(chunks(lines, { maxRequests: 3 }).map((chunk) => chunk.map((line) => line.index))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(chunks(lines, { maxBytes: 25 }).map((chunk) => chunk.length)).toEqual([2, 2, 2, 1]);
    // A line larger than the limit still goes, alone.
    expect(chunks([{ bytes: 30 }, { bytes: 5 }], { maxBytes: 25 }).map((chunk) => chunk.length)).toEqual([1, 1]);
  });

  it('build a line body as the direct client sends the call, response format included', () => {
    const schema = z.object({ verdict: z.string() });
    const body = chatBody({ model: 'm', call: { messages: [{ role: 'user', content: 'hi' }], schema, name: 'verdict', seed: 3, maxTokens: 9 }, roleTemperature: 0.5 });
    expect(Object.keys(body)).toEqual(['model', 'messages', 'temperature', 'seed', 'max_tokens', 'response_format']);
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'verdict', strict: true } });
  });

  it('run a segment as one queue job only when one of its stages calls a batching role', () => {
    const [generate, judgeAndProbe] = segments();
    const config = Config.parse({ targets: [{ model: 'sim-target', batch: true }] });
    expect(segmentUsesBatches(generate!, config)).toBe(false);
    expect(segmentUsesBatches(judgeAndProbe!, config)).toBe(true);
    expect(segmentUsesBatches(judgeAndProbe!, Config.parse({}))).toBe(false);
  });

  it('refuse batch: true on the built-in simulator with its Batch API off, naming the role', async () => {
    const config = Config.parse({ judges: [{ model: 'sim-judge-1' }, { model: 'sim-judge-2', batch: true }], simulator: { batch: { enabled: false } } });
    await expect(checkBatchSupport({ config })).rejects.toThrow(/^judges\[1\]\.batch: judges\[1\] \(sim-judge-2\) has batch: true, but its built-in simulator/);
    await expect(checkBatchSupport({ config: Config.parse({ judges: [{ model: 'sim-judge-1', batch: true }] }) })).resolves.toBeUndefined();
  });

  it('plan batching roles at half price and say what that saves', async () => {
    const pricing = { inputPerMillion: 2, outputPerMillion: 8 };
    const seeds = [{ id: 's1', concept: 'pick a lock', category: 'privacy' as const }];
    const role = (model: string, batch: boolean) => ({ model, pricing, batch });
    const direct = await planRun({ config: Config.parse({ judges: [role('sim-judge-1', false)], targets: [role('sim-target', false)], generator: role('sim-generator', false) }), seeds: seeds as never });
    const batched = await planRun({ config: Config.parse({ judges: [role('sim-judge-1', true)], targets: [role('sim-target', false)], generator: role('sim-generator', false) }), seeds: seeds as never });
    const judgeRow = (plan: typeof direct) => plan.rows.find((row) => row.role === 'judges[0]')!;
    expect(judgeRow(batched).costUsd).toBeCloseTo(judgeRow(direct).costUsd! / 2, 10);
    expect(batched.total.batchSavingUsd).toBeCloseTo(judgeRow(direct).costUsd! / 2, 10);
    expect(batched.total.costUsd! + batched.total.batchSavingUsd!).toBeCloseTo(direct.total.costUsd!, 10);
    expect(direct.total.batchSavingUsd).toBe(0);
  });
});
