import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedExchange {
  /** When the request arrived and when its answer's status came back, in ms since the proxy started. */
  arrivedAt: number;
  answeredAt: number;
  status: number;
  /** The request body, to tell a retry of a request from another request. */
  body: string;
  /** The retry-after-ms the answer asked for, if any. */
  retryAfterMs: number | null;
}

export interface RecordingProxy {
  url: string;
  exchanges: RecordedExchange[];
  close(): Promise<void>;
}

/**
 * A plain HTTP pass-through to `target` (an OpenAI-compatible base URL) that records when
 * each request arrived and what it was answered, so a test can check the spacing a client
 * kept between requests instead of how long a whole run took.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const started = performance.now();
  const exchanges: RecordedExchange[] = [];
  const server = createServer((incoming, outgoing) => {
    const arrivedAt = performance.now() - started;
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = upstream.pathname.replace(/\/$/, '') + (incoming.url ?? '/').replace(/^\/v1/, '');
      const proxied = forward({ host: upstream.hostname, port: upstream.port, path, method: incoming.method, headers: incoming.headers }, (answer) => {
        const header = answer.headers['retry-after-ms'];
        exchanges.push({ arrivedAt, answeredAt: performance.now() - started, status: answer.statusCode ?? 0, body: body.toString('utf8'), retryAfterMs: header === undefined ? null : Number(header) });
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      proxied.on('error', () => outgoing.destroy());
      outgoing.on('close', () => proxied.destroy());
      proxied.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${upstream.pathname}`,
    exchanges,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
