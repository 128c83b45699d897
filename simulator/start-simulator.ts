import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatRequest, schemaName } from './chat-request.ts';
import { answerRequest } from './answer-request.ts';
import { createBatchState, handleBatchApi, type BatchState } from './batch/batch-api.ts';
import { attemptFromHeaders } from './attempt-header.ts';
import { chooseFault, FAULT_KINDS, truncateJson, type FaultKind } from './faults.ts';
import { readBody, sendJson } from './http-io.ts';
import { modelList, SIMULATED_MODELS } from './models.ts';
import { canonicalJson, unitHash } from './random.ts';
import { errorBody, isSimulatorHttpError, SimulatorHttpError } from './simulator-http-error.ts';
import { SimulatorOptions, type ResolvedSimulatorOptions } from './simulator-options.ts';

export interface SimulatorStats {
  /** Chat completion requests received, including those answered with a fault. */
  requests: number;
  requestsByModel: Record<string, number>;
  faults: Record<FaultKind, number>;
}

export interface RunningSimulator {
  /** Base URL for an OpenAI client, e.g. http://127.0.0.1:8089/v1. */
  url: string;
  /** Stops listening, cuts hanging requests and open connections. */
  close(): Promise<void>;
  stats(): SimulatorStats;
}

interface State {
  readonly options: ResolvedSimulatorOptions;
  readonly attempts: Map<string, number>;
  readonly hanging: Set<ServerResponse>;
  readonly timers: Set<NodeJS.Timeout>;
  readonly stats: SimulatorStats;
  readonly batches: BatchState;
}

function wait(state: State, milliseconds: number): Promise<void> {
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      resolve();
    }, milliseconds);
    state.timers.add(timer);
  });
}

function sendError(response: ServerResponse, error: SimulatorHttpError, headers?: Record<string, string>): void {
  sendJson(response, { status: error.status, body: errorBody({ message: error.message, ...error.details }), headers });
}

function parseChatRequest(raw: string): { request: ChatRequest; body: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new SimulatorHttpError(400, 'The request body is not valid JSON.', { type: 'invalid_request_error', code: 'invalid_json' });
  }
  const parsed = ChatRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.path.join('.') || null;
    throw new SimulatorHttpError(400, `Invalid request${param ? ` at '${param}'` : ''}: ${issue.message}`, { type: 'invalid_request_error', code: 'invalid_request', param });
  }
  if (parsed.data.stream) {
    throw new SimulatorHttpError(400, 'The simulator does not stream; send the request without stream: true.', { type: 'invalid_request_error', code: 'unsupported_parameter', param: 'stream' });
  }
  return { request: parsed.data, body };
}

async function handleChat(state: State, incoming: IncomingMessage, response: ServerResponse): Promise<void> {
  const sentAttempt = attemptFromHeaders(incoming.headers);
  const { request, body } = parseChatRequest(await readBody(incoming));
  const { options, stats } = state;
  stats.requests++;
  stats.requestsByModel[request.model] = (stats.requestsByModel[request.model] ?? 0) + 1;

  const schema = schemaName(request);
  // Answered before any fault is drawn: a request no role answers is refused (400) whatever the fault.
  const answer = answerRequest({ request, simulatorSeed: options.seed });
  // Faults and jitter are drawn per attempt at the same body; with neither on, skip the
  // key and the attempt count (the whole body, JSON schema included, serialised again).
  // The attempt is the client's own count when it sends one, so it does not matter which
  // simulator instance saw the earlier attempts; otherwise this instance counts.
  const varies = options.faultRate > 0 || options.latencyJitterMs > 0;
  const bodyKey = varies ? canonicalJson(body) : '';
  const attempt = !varies ? 0 : sentAttempt ?? (state.attempts.get(bodyKey) ?? 0);
  if (varies && sentAttempt === null) state.attempts.set(bodyKey, attempt + 1);
  const fault = varies ? chooseFault({ bodyKey, attempt, simulatorSeed: options.seed, faultRate: options.faultRate, kinds: options.faults.kinds, structured: schema !== null }) : null;
  if (fault) stats.faults[fault]++;
  if (fault === 'hang') {
    // Accept and never answer: the client's timeout must cut it; close() destroys it.
    state.hanging.add(response);
    response.on('close', () => state.hanging.delete(response));
    return;
  }

  await wait(state, options.latencyMs + (options.latencyJitterMs > 0 ? options.latencyJitterMs * unitHash(options.seed, bodyKey, attempt, 'jitter') : 0));
  const requestId = { 'x-request-id': `req_sim_${answer.requestHash.toString(16)}` };
  if (fault === 'rate_limit') {
    const milliseconds = options.faults.retryAfterMs;
    const error = new SimulatorHttpError(429, 'Rate limit reached for simulated model (injected fault).', { type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    sendError(response, error, { ...requestId, 'retry-after': String(Math.max(1, Math.ceil(milliseconds / 1000))), 'retry-after-ms': String(milliseconds) });
    return;
  }
  if (fault === 'server_error') {
    sendError(response, new SimulatorHttpError(500, 'The simulated server had an error (injected fault).', { type: 'server_error', code: 'server_error' }), requestId);
    return;
  }
  const sent = fault === 'malformed_json' ? answerRequest({ request, simulatorSeed: options.seed, transform: truncateJson }).body : answer.body;
  sendJson(response, { status: 200, body: sent, headers: requestId });
}

async function route(state: State, incoming: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(incoming.url ?? '/', 'http://simulator').pathname.replace(/\/+$/, '');
  if (incoming.method === 'GET' && path === '/v1/models') {
    sendJson(response, { status: 200, body: JSON.stringify(modelList()) });
    return;
  }
  const modelId = path.startsWith('/v1/models/') ? decodeURIComponent(path.slice('/v1/models/'.length)) : null;
  if (incoming.method === 'GET' && modelId && (SIMULATED_MODELS as readonly string[]).includes(modelId)) {
    sendJson(response, { status: 200, body: JSON.stringify(modelList().data.find((model) => model.id === modelId)) });
    return;
  }
  if (incoming.method === 'POST' && path === '/v1/chat/completions') {
    await handleChat(state, incoming, response);
    return;
  }
  if (await handleBatchApi(state.batches, incoming, response, path)) return;
  throw new SimulatorHttpError(404, `Unknown request URL: ${incoming.method} ${path || '/'}. The simulator serves GET /v1/models, POST /v1/chat/completions, and the Batch API (/v1/files, /v1/batches).`, {
    type: 'invalid_request_error',
    code: 'unknown_url',
  });
}

/** Starts the OpenAI-compatible simulator on node:http. Answers are a pure function of the request and the seed. */
export async function startSimulator(input: SimulatorOptions = {}): Promise<RunningSimulator> {
  const options = SimulatorOptions.parse(input);
  const state: State = {
    options,
    attempts: new Map(),
    hanging: new Set(),
    timers: new Set(),
    stats: { requests: 0, requestsByModel: {}, faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number> },
    batches: createBatchState({ seed: options.seed, batch: options.batch }),
  };
  const server = createServer((incoming, response) => {
    route(state, incoming, response).catch((error: unknown) => {
      if (isSimulatorHttpError(error)) sendError(response, error);
      else sendError(response, new SimulatorHttpError(500, `Simulator failure: ${error instanceof Error ? error.message : String(error)}`, { type: 'server_error', code: 'simulator_failure' }));
    });
  });
  // Idle connections are left for the client to close (undici drops its own after 4 s): with node's
  // default of 5 s, a client on a busy machine could send on a socket the server was closing that
  // moment and get ECONNRESET. Real model servers keep idle connections for a minute or more.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}/v1`,
    stats: () => structuredClone(state.stats),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of state.timers) clearTimeout(timer);
        state.timers.clear();
        server.close(() => resolve());
        for (const response of state.hanging) response.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
