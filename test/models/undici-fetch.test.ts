import { createServer, type Server } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undiciFetch } from '../../pipeline/models/undici-fetch.ts';

let server: Server;
let url = '';
const BODY = JSON.stringify({ id: 'chatcmpl-1', choices: [{ index: 0, message: { role: 'assistant', content: 'Sure, here is how.' } }] });

beforeAll(async () => {
  // A server that compresses whatever the client asked for, as some proxies do.
  server = createServer((request, response) => {
    const encoding = request.url!.slice(1);
    const body = encoding === 'gzip' ? gzipSync(BODY) : encoding === 'br' ? brotliCompressSync(BODY) : Buffer.from(BODY);
    response.writeHead(200, { 'Content-Type': 'application/json', ...(encoding ? { 'Content-Encoding': encoding } : {}), 'Set-Cookie': ['a=1', 'b=2'] });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the model client fetch', () => {
  it('hands back bodies decoded, however the server encoded them, with every header', async () => {
    for (const encoding of ['', 'gzip', 'br']) {
      const response = await undiciFetch(`${url}/${encoding}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(JSON.parse(BODY));
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    }
  });
});
