import { describe, expect, it } from 'vitest';
import { readResultLine } from '../../pipeline/batch-files/batch-result-line.ts';
import type { IndexEntry } from '../../pipeline/batch-files/export-index.ts';
import { modelFile } from '../../pipeline/batch-files/write-request-files.ts';
import { laterWaves } from '../../pipeline/batch-files/stage-waves.ts';
import { Config } from '../../pipeline/schemas/config.ts';

const exported = new Map<string, IndexEntry>([
  ['judge-key', { custom_id: 'judge-key', slot: 'judges[0]', model: 'llama-judge', structured: true }],
  ['target-key', { custom_id: 'target-key', slot: 'targets[0]', model: 'my-model', structured: false }],
]);

function completion(options: { model: string; content: string | null; finish?: string; refusal?: string }) {
  return { id: 'chatcmpl-1', object: 'chat.completion', model: options.model, choices: [{ index: 0, message: { role: 'assistant', content: options.content, refusal: options.refusal ?? null }, finish_reason: options.finish ?? 'stop' }], usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 } };
}

const line = (customId: string, body: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ id: 'vllm-1', custom_id: customId, response: { status_code: 200, request_id: 'vllm-batch-1', body }, error: null, ...extra });

describe('a line of a batch output file', () => {
  it('is an answer: a structured one as its JSON object, a plain one as its text, with its tokens', () => {
    expect(readResultLine(line('judge-key', completion({ model: 'llama-judge', content: '{"verdict":"benign"}' })), exported)).toEqual({
      kind: 'answer', customId: 'judge-key', answer: { object: { verdict: 'benign' }, usage: { promptTokens: 12, completionTokens: 5 } },
    });
    // A target's answer cut at max_tokens is still its answer, as a direct call takes it.
    expect(readResultLine(line('target-key', completion({ model: 'my-model', content: 'Sure, here is', finish: 'length' })), exported)).toMatchObject({ kind: 'answer', answer: { text: 'Sure, here is' } });
  });

  it('is a failure with the server\'s reason when it carries an error, in vLLM\'s and OpenAI\'s forms', () => {
    const vllm = JSON.stringify({ id: 'vllm-2', custom_id: 'judge-key', response: { status_code: 400, request_id: 'vllm-batch-2' }, error: 'This model\'s maximum context length is 8192 tokens' });
    expect(readResultLine(vllm, exported)).toEqual({ kind: 'failed', customId: 'judge-key', reason: "status 400: This model's maximum context length is 8192 tokens" });
    const vllmObject = JSON.stringify({ custom_id: 'judge-key', response: { status_code: 404 }, error: { object: 'error', message: 'The model `x` does not exist.', code: 404 } });
    expect(readResultLine(vllmObject, exported)).toMatchObject({ kind: 'failed', reason: 'status 404: The model `x` does not exist.' });
    const openai = JSON.stringify({ custom_id: 'target-key', response: { status_code: 500, body: { error: { message: 'server error', type: 'server_error' } } }, error: null });
    expect(readResultLine(openai, exported)).toMatchObject({ kind: 'failed', reason: 'status 500: server error' });
    expect(readResultLine(JSON.stringify({ custom_id: 'target-key', response: null, error: { code: 'batch_expired', message: 'not run' } }), exported)).toMatchObject({ kind: 'failed', reason: 'no response: not run' });
  });

  it('is a failure when a structured answer is cut short, refused or not JSON', () => {
    expect(readResultLine(line('judge-key', completion({ model: 'llama-judge', content: '{"verdict":"be', finish: 'length' })), exported)).toMatchObject({ kind: 'failed', reason: expect.stringContaining('max_tokens') });
    expect(readResultLine(line('judge-key', completion({ model: 'llama-judge', content: null, refusal: 'I cannot help' })), exported)).toMatchObject({ kind: 'failed', reason: 'the model refused to answer: I cannot help' });
    expect(readResultLine(line('judge-key', completion({ model: 'llama-judge', content: 'benign' })), exported)).toMatchObject({ kind: 'failed', reason: expect.stringContaining('not the JSON object') });
  });

  it('is bad input, naming the field, when it is not a batch output line of a request exported for this model', () => {
    const problem = (text: string) => (readResultLine(text, exported) as { problem: unknown }).problem;
    expect(problem('{"custom_id": "judge-key", ')).toEqual({ message: expect.stringContaining('not JSON') });
    expect(problem(JSON.stringify({ response: null }))).toMatchObject({ field: 'custom_id' });
    expect(problem(line('someone-else', completion({ model: 'llama-judge', content: '{}' })))).toMatchObject({ field: 'custom_id', message: expect.stringContaining('someone-else is not a request exported') });
    expect(readResultLine(line('judge-key', completion({ model: 'llama-judge-2024-08-06', content: '{}' })), exported)).toMatchObject({ kind: 'answer' });
    expect(problem(line('judge-key', completion({ model: 'llama-judge-2', content: '{}' })))).toMatchObject({ field: 'response.body.model' });
    expect(problem(line('judge-key', completion({ model: 'other-model', content: '{}' })))).toEqual({ field: 'response.body.model', message: 'other-model, but the request was for judges[0] (llama-judge)' });
    expect(problem(line('judge-key', { object: 'chat.completion', model: 'llama-judge', choices: [] }))).toMatchObject({ field: 'response.body.choices' });
  });
});

describe('what an export writes and says', () => {
  it('names a model\'s file after it when one export holds several models', () => {
    expect(modelFile('/tmp/requests.jsonl', 'meta-llama/Llama-3.1-8B-Instruct')).toBe('/tmp/requests.meta-llama_Llama-3.1-8B-Instruct.jsonl');
  });

  it('says when a stage asks some requests only after others are answered', () => {
    const config = Config.parse({ refusalJudge: { model: 'sim-judge-1' }, generate: { languages: ['en', 'de'] } });
    expect(laterWaves('judge', config)).toContain('one after another');
    expect(laterWaves('probe', config)).toContain('refusal judge');
    expect(laterWaves('generate', config)).toContain('one language after another');
    expect(laterWaves('probe', Config.parse({ refusalJudge: null }))).toBeNull();
  });
});
