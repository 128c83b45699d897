import OpenAI, { toFile } from 'openai';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startSimulator } from '../../simulator/start-simulator.ts';

async function simulator(options: Parameters<typeof startSimulator>[0] = {}) {
  const running = await startSimulator({ port: 0, seed: 3, ...options });
  onTestFinished(() => running.close());
  return { running, client: new OpenAI({ baseURL: running.url, apiKey: 'not-needed', maxRetries: 0 }) };
}

const request = (index: number) => ({
  model: index % 2 ? 'sim-target' : 'sim-judge-1',
  messages: [{ role: 'user' as const, content: `How do I kill a Python process number ${index}?` }],
  temperature: 0.7,
  seed: index,
  max_tokens: 64,
});

async function upload(client: OpenAI, count: number) {
  const lines = Array.from({ length: count }, (_, index) => JSON.stringify({ custom_id: `item-${index}`, method: 'POST', url: '/v1/chat/completions', body: request(index) }));
  return client.files.create({ file: await toFile(Buffer.from(lines.join('\n') + '\n'), 'input.jsonl'), purpose: 'batch' });
}

async function readLines(client: OpenAI, fileId: string | null | undefined) {
  if (!fileId) return [];
  const text = await (await client.files.content(fileId)).text();
  return text.trim().split('\n').map((line) => JSON.parse(line));
}

describe("the simulator's Batch API", () => {
  it('answers every line of an uploaded file as the same request sent directly, by custom_id, after its completion delay', async () => {
    const { client } = await simulator({ batch: { completionDelayMs: 300 } });
    const file = await upload(client, 6);
    expect(file).toMatchObject({ object: 'file', purpose: 'batch', status: 'processed' });
    const created = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    // Validated for the first fifth of its delay, then in progress, as OpenAI's batches go.
    expect(created.status).toBe('validating');
    expect((await client.batches.retrieve(created.id)).output_file_id).toBeNull();
    let batch = created;
    const seen = new Set<string>([created.status]);
    while (batch.status !== 'completed') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      batch = await client.batches.retrieve(created.id);
      seen.add(batch.status);
    }
    expect([...seen]).toEqual(['validating', 'in_progress', 'completed']);
    expect(batch.request_counts).toEqual({ total: 6, completed: 6, failed: 0 });
    expect(batch.error_file_id).toBeNull();
    const output = await readLines(client, batch.output_file_id);
    expect(output.map((line) => line.custom_id).sort()).toEqual(['item-0', 'item-1', 'item-2', 'item-3', 'item-4', 'item-5']);
    for (const line of output) {
      const index = Number(line.custom_id.split('-')[1]);
      const direct = await client.chat.completions.create(request(index));
      expect(line.response.status_code).toBe(200);
      expect(line.response.body).toEqual(JSON.parse(JSON.stringify(direct)));
    }
  });

  it('fails a share of the lines into the error file, each with its custom_id, none lost', async () => {
    const { client } = await simulator({ batch: { failureRate: 0.4 } });
    const file = await upload(client, 40);
    const batch = await client.batches.retrieve((await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' })).id);
    expect(batch.status).toBe('completed');
    const output = await readLines(client, batch.output_file_id);
    const errors = await readLines(client, batch.error_file_id);
    expect(errors.length).toBeGreaterThan(5);
    expect(output.length + errors.length).toBe(40);
    expect(batch.request_counts).toEqual({ total: 40, completed: output.length, failed: errors.length });
    expect(new Set([...output, ...errors].map((line) => line.custom_id)).size).toBe(40);
    expect(errors.every((line) => line.response.status_code === 500)).toBe(true);
  });

  it('refuses what OpenAI refuses: another purpose, another endpoint or window, an unknown file', async () => {
    const { client } = await simulator();
    await expect(client.files.create({ file: await toFile(Buffer.from('{}\n'), 'x.jsonl'), purpose: 'fine-tune' })).rejects.toMatchObject({ status: 400 });
    const file = await upload(client, 1);
    await expect(client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' })).rejects.toMatchObject({ status: 400 });
    await expect(client.batches.create({ input_file_id: 'file-missing', endpoint: '/v1/chat/completions', completion_window: '24h' })).rejects.toMatchObject({ status: 404 });
    await expect(client.batches.retrieve('batch_missing')).rejects.toMatchObject({ status: 404 });
  });

  it('lists its batches, newest first, and with its Batch API off answers 404 as a server without one', async () => {
    const { client } = await simulator();
    const first = await client.batches.create({ input_file_id: (await upload(client, 1)).id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const second = await client.batches.create({ input_file_id: (await upload(client, 1)).id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect((await client.batches.list()).data.map((batch) => batch.id)).toEqual([second.id, first.id]);
    const off = await simulator({ batch: { enabled: false } });
    await expect(off.client.batches.list()).rejects.toMatchObject({ status: 404 });
    await expect(off.client.files.create({ file: await toFile(Buffer.from('{}\n'), 'x.jsonl'), purpose: 'batch' })).rejects.toMatchObject({ status: 404 });
  });
});
