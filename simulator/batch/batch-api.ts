import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerRequest } from '../answer-request.ts';
import { ChatRequest } from '../chat-request.ts';
import { readBody, sendJson } from '../http-io.ts';
import { unitHash } from '../random.ts';
import { SimulatorHttpError } from '../simulator-http-error.ts';
import { parseMultipart } from './multipart.ts';

/** OpenAI's limits on one batch input file. */
export const MAX_BATCH_REQUESTS = 50_000;
export const MAX_BATCH_FILE_BYTES = 200 * 1024 * 1024;

interface StoredFile {
  id: string;
  filename: string;
  purpose: string;
  content: string;
  createdAt: number;
}

interface StoredBatch {
  id: string;
  inputFileId: string;
  createdAt: number;
  /** When the batch is done: until then retrieve says in_progress. */
  readyAt: number;
  outputFileId: string | null;
  errorFileId: string | null;
  counts: { total: number; completed: number; failed: number };
}

export interface BatchState {
  files: Map<string, StoredFile>;
  batches: Map<string, StoredBatch>;
  options: { seed: number; batch: { enabled: boolean; completionDelayMs: number; failureRate: number } };
}

export function createBatchState(options: BatchState['options']): BatchState {
  return { files: new Map(), batches: new Map(), options };
}

const invalid = (message: string, code: string, param?: string) => new SimulatorHttpError(400, message, { type: 'invalid_request_error', code, param: param ?? null });
const notFound = (what: string, id: string) => new SimulatorHttpError(404, `No such ${what}: ${id}`, { type: 'invalid_request_error', code: 'not_found' });

/**
 * The Batch API, as OpenAI speaks it: upload a JSONL file (`POST /v1/files`, purpose batch),
 * start a batch on it (`POST /v1/batches`), poll it (`GET /v1/batches/:id`) and read its output
 * and error files (`GET /v1/files/:id/content`). Each line is answered exactly as the same
 * request sent directly; `batch.failureRate` of the lines (drawn from their custom_id) fail
 * into the error file, and the batch completes `batch.completionDelayMs` after it was made.
 * Returns false for a path it does not serve.
 */
export async function handleBatchApi(state: BatchState, incoming: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
  const method = incoming.method ?? 'GET';
  // Switched off, the paths are unknown (404), as on a server with no Batch API.
  if (!state.options.batch.enabled) return false;
  if (method === 'GET' && path === '/v1/batches') {
    // The list a client reads to see whether the Batch API is there at all; newest first, as OpenAI lists them.
    const data = [...state.batches.values()].reverse().map((batch) => batchObject(batch, Date.now()));
    send(response, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false });
    return true;
  }
  if (method === 'POST' && path === '/v1/files') {
    const parts = parseMultipart(await readBody(incoming), incoming.headers['content-type']);
    const purpose = parts.find((part) => part.name === 'purpose')?.content;
    const file = parts.find((part) => part.name === 'file');
    if (purpose !== 'batch') throw invalid(`purpose must be 'batch' (got ${JSON.stringify(purpose ?? null)}).`, 'invalid_purpose', 'purpose');
    if (!file) throw invalid('The upload has no file part.', 'missing_file', 'file');
    if (Buffer.byteLength(file.content) > MAX_BATCH_FILE_BYTES) throw invalid('A batch input file is at most 200 MB.', 'file_too_large', 'file');
    const stored = { id: `file-sim-${state.files.size + 1}`, filename: file.filename ?? 'input.jsonl', purpose, content: file.content, createdAt: nowSeconds() };
    state.files.set(stored.id, stored);
    send(response, fileObject(stored));
    return true;
  }
  const fileMatch = /^\/v1\/files\/([^/]+)(\/content)?$/.exec(path);
  if (method === 'GET' && fileMatch) {
    const file = state.files.get(decodeURIComponent(fileMatch[1]!));
    if (!file) throw notFound('file', fileMatch[1]!);
    if (fileMatch[2]) {
      response.writeHead(200, { 'content-type': 'application/jsonl', 'content-length': Buffer.byteLength(file.content) });
      response.end(file.content);
    } else send(response, fileObject(file));
    return true;
  }
  if (method === 'POST' && path === '/v1/batches') {
    const body = JSON.parse(await readBody(incoming)) as { input_file_id?: string; endpoint?: string; completion_window?: string };
    if (body.endpoint !== '/v1/chat/completions') throw invalid('The simulator batches /v1/chat/completions only.', 'invalid_endpoint', 'endpoint');
    if (body.completion_window !== '24h') throw invalid("completion_window must be '24h'.", 'invalid_completion_window', 'completion_window');
    const input = state.files.get(body.input_file_id ?? '');
    if (!input) throw notFound('file', body.input_file_id ?? '');
    send(response, batchObject(runBatch(state, input), Date.now()));
    return true;
  }
  const batchMatch = /^\/v1\/batches\/([^/]+)$/.exec(path);
  if (method === 'GET' && batchMatch) {
    const batch = state.batches.get(decodeURIComponent(batchMatch[1]!));
    if (!batch) throw notFound('batch', batchMatch[1]!);
    send(response, batchObject(batch, Date.now()));
    return true;
  }
  return false;
}

/** Answers every line at once; the batch shows as in progress until its completion delay is over. */
function runBatch(state: BatchState, input: StoredFile): StoredBatch {
  const lines = input.content.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > MAX_BATCH_REQUESTS) throw invalid(`A batch holds at most ${MAX_BATCH_REQUESTS} requests; this file has ${lines.length}.`, 'too_many_requests', 'input_file_id');
  const id = `batch_sim_${state.batches.size + 1}`;
  const outputs: string[] = [];
  const errors: string[] = [];
  lines.forEach((text, index) => {
    const line = parseLine(text, index);
    const requestId = `${id}_req_${index + 1}`;
    if (unitHash(state.options.seed, line.custom_id, 'batch-failure') < state.options.batch.failureRate) {
      errors.push(JSON.stringify({ id: requestId, custom_id: line.custom_id, response: { status_code: 500, request_id: requestId, body: { error: { message: 'The simulated batch line failed (injected fault).', type: 'server_error' } } }, error: null }));
      return;
    }
    const parsed = ChatRequest.safeParse(line.body);
    if (!parsed.success) {
      errors.push(JSON.stringify({ id: requestId, custom_id: line.custom_id, response: null, error: { code: 'invalid_request', message: parsed.error.issues[0]?.message ?? 'invalid body' } }));
      return;
    }
    const answer = answerRequest({ request: parsed.data, simulatorSeed: state.options.seed });
    outputs.push(JSON.stringify({ id: requestId, custom_id: line.custom_id, response: { status_code: 200, request_id: requestId, body: JSON.parse(answer.body) }, error: null }));
  });
  const store = (kind: string, content: string[]) => {
    if (content.length === 0) return null;
    const file = { id: `file-sim-${state.files.size + 1}`, filename: `${id}_${kind}.jsonl`, purpose: 'batch_output', content: content.join('\n') + '\n', createdAt: nowSeconds() };
    state.files.set(file.id, file);
    return file.id;
  };
  const batch: StoredBatch = {
    id, inputFileId: input.id, createdAt: Date.now() / 1000, readyAt: Date.now() + state.options.batch.completionDelayMs,
    outputFileId: store('output', outputs), errorFileId: store('error', errors),
    counts: { total: lines.length, completed: outputs.length, failed: errors.length },
  };
  state.batches.set(id, batch);
  return batch;
}

function parseLine(text: string, index: number): { custom_id: string; body: unknown } {
  let line: { custom_id?: unknown; method?: unknown; url?: unknown; body?: unknown };
  try {
    line = JSON.parse(text);
  } catch {
    throw invalid(`Line ${index + 1} of the input file is not JSON.`, 'invalid_jsonl', 'input_file_id');
  }
  if (typeof line.custom_id !== 'string' || line.method !== 'POST' || line.url !== '/v1/chat/completions') {
    throw invalid(`Line ${index + 1} needs a custom_id, method POST and url /v1/chat/completions.`, 'invalid_line', 'input_file_id');
  }
  return { custom_id: line.custom_id, body: line.body };
}

function fileObject(file: StoredFile) {
  return { id: file.id, object: 'file', bytes: Buffer.byteLength(file.content), created_at: file.createdAt, filename: file.filename, purpose: file.purpose, status: 'processed' };
}

function batchObject(batch: StoredBatch, now: number) {
  const done = now >= batch.readyAt;
  // The first fifth of its delay a batch is being validated, as OpenAI's are before they run.
  const validating = !done && now < batch.readyAt - ((batch.readyAt - batch.createdAt * 1000) * 4) / 5;
  return {
    id: batch.id, object: 'batch', endpoint: '/v1/chat/completions', errors: null, input_file_id: batch.inputFileId, completion_window: '24h',
    status: done ? 'completed' : validating ? 'validating' : 'in_progress',
    output_file_id: done ? batch.outputFileId : null, error_file_id: done ? batch.errorFileId : null,
    created_at: Math.floor(batch.createdAt), in_progress_at: Math.floor(batch.createdAt), completed_at: done ? Math.floor(batch.readyAt / 1000) : null,
    request_counts: done ? batch.counts : { total: batch.counts.total, completed: 0, failed: 0 },
    metadata: null,
  };
}

function send(response: ServerResponse, body: unknown): void {
  sendJson(response, { status: 200, body: JSON.stringify(body) });
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
