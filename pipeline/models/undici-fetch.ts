import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { EnvHttpProxyAgent, fetch as fetchWithDispatcher, request } from 'undici';

/** Loopback never goes through a proxy: the built-in simulator and local servers (Ollama, vLLM) live there. */
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

// HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured, as users behind a corporate proxy expect.
// undici's own limits (300 s to the headers, 300 s between body chunks) are off: the model's
// `timeoutMs` is the one timeout, and a slow local model may take longer than that to answer.
// An empty variable counts as unset, in either case.
const fromEnv = (name: string) => process.env[name.toLowerCase()] || process.env[name] || undefined;

let current: { settings: string; agent: EnvHttpProxyAgent } | undefined;

/**
 * The proxy-aware dispatcher for the proxy variables as they are now: read at each request, not
 * once at start-up, so a command run inside a longer-lived process (a test, an embedding
 * program) follows the environment it was given. A change makes a new agent; the old one
 * finishes its requests in flight and closes.
 */
function dispatcher(): EnvHttpProxyAgent {
  const proxies = {
    httpProxy: fromEnv('HTTP_PROXY'),
    httpsProxy: fromEnv('HTTPS_PROXY') ?? fromEnv('HTTP_PROXY'),
    noProxy: [fromEnv('NO_PROXY'), ...LOOPBACK].filter(Boolean).join(','),
  };
  const settings = `${proxies.httpProxy}\n${proxies.httpsProxy}\n${proxies.noProxy}`;
  if (current?.settings !== settings) {
    current?.agent.close().catch(() => {});
    current = { settings, agent: new EnvHttpProxyAgent({ headersTimeout: 0, bodyTimeout: 0, ...proxies }) };
  }
  return current.agent;
}

/**
 * The `fetch` the openai SDK is given: one request on undici's `request` API, the body read
 * whole, handed back as a standard Response. Node's own fetch pipes every body through WHATWG
 * streams and builds a Request per call: against the simulator, client and server together
 * took 0.9 ms of CPU per structured call on it and 0.6 ms on this. Models are never asked to
 * stream, so reading the body whole loses nothing. Anything but a plain string body (which
 * the SDK's JSON requests always are) goes to the full fetch on the same dispatcher.
 */
export async function undiciFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  if (input instanceof Request || (init.body != null && typeof init.body !== 'string')) return proxyAwareFetch(input, init);
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => (headers[name] = value));
  const answer = await request(input, {
    method: (init.method ?? 'GET') as 'GET',
    headers,
    body: init.body ?? undefined,
    signal: init.signal ?? undefined,
    dispatcher: dispatcher(),
  });
  const body = decode(Buffer.from(await answer.body.arrayBuffer()), answer.headers['content-encoding']);
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (name === 'content-encoding' || name === 'content-length') continue; // the body is handed on decoded
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, one);
  }
  // A Response may not carry a body with these statuses.
  const empty = answer.statusCode === 204 || answer.statusCode === 304 || init.method === 'HEAD';
  return new Response(empty ? null : (body as Uint8Array<ArrayBuffer>), { status: answer.statusCode, headers: responseHeaders });
}

/**
 * Requests ask for no compression, but a server or proxy may compress anyway; fetch would
 * decode it, so this does too.
 */
function decode(body: Buffer, encoding: string | string[] | undefined): Buffer {
  const codings = (Array.isArray(encoding) ? encoding.join(',') : encoding ?? '').split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding && coding !== 'identity');
  // Codings are listed in the order they were applied, so they are undone from the last.
  return codings.reverse().reduce((data, coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(data);
    if (coding === 'br') return brotliDecompressSync(data);
    if (coding === 'deflate') return inflateSync(data);
    throw new Error(`the server answered with content-encoding ${coding}, which this client cannot decode`);
  }, body);
}

/**
 * A full fetch (redirects, streamed bodies) on the same proxy-aware dispatcher, for the
 * Hugging Face Hub client, whose calls are few and may upload large files.
 */
export const proxyAwareFetch = ((input: string | URL | Request, init: RequestInit = {}) =>
  fetchWithDispatcher(input as never, { ...(init as object), dispatcher: dispatcher() } as never)) as unknown as typeof fetch;
