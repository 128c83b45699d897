import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequestBody } from '../support/read-request-body.ts';

/**
 * An OpenAI-compatible endpoint in front of the simulator that turns some calls down
 * the way providers do for a wrong key: the key it was sent comes back in the error
 * body, in a 401 (not retried) or a 500 (retried until the attempts run out). Which
 * calls fail depends only on the model and the prompt, so every run, in-process or
 * queued, fails the same items. Everything else is handed to the simulator unchanged.
 */
export async function startKeyEchoingEndpoint(options: { upstream: string }) {
  const counts = { unauthorized: 0, serverError: 0, forwarded: 0 };
  const server = createServer(async (request, response) => {
    const body = await readRequestBody(request);
    const key = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const path = (request.url ?? '').replace(/^\/v1/, '');
    if (request.method === 'POST' && path === '/chat/completions') {
      const parsed = JSON.parse(body) as { model: string; messages: { content: string }[] };
      const verdict = createHash('sha256').update(`${parsed.model}\n${parsed.messages.at(-1)!.content}`).digest()[0] % 4;
      if (verdict === 0) {
        counts.unauthorized += 1;
        return sendJson(response, 401, { error: { message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.example/account/api-keys.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
      }
      if (verdict === 1) {
        counts.serverError += 1;
        return sendJson(response, 500, { error: { message: `upstream rejected the request sent with Authorization: Bearer ${key} (key ${key})`, type: 'server_error', code: null } });
      }
    }
    counts.forwarded += 1;
    const upstream = await fetch(`${options.upstream}${path}`, { method: request.method, headers: { 'content-type': 'application/json', authorization: 'Bearer sim' }, body: request.method === 'POST' ? body : undefined });
    response.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    counts: () => ({ ...counts }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function sendJson(response: import('node:http').ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}
