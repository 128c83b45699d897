import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIMULATED_MODELS } from '../../simulator/models.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';

/**
 * A stand-in for a real model server: the simulator's answers behind a proxy whose
 * model list is owned by someone else, as vLLM or OpenAI list theirs. So a test can
 * have a "real" generator that writes usable rewrites without calling a paid API.
 */
export async function startDisguisedSimulator(): Promise<{ url: string; close(): Promise<void> }> {
  const simulator = await startSimulator({ port: 0 });
  const upstream = new URL(simulator.url);
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.replace(/\/+$/, '').endsWith('/models')) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ object: 'list', data: SIMULATED_MODELS.map((id) => ({ id, object: 'model', created: 0, owned_by: 'some-provider' })) }));
      return;
    }
    const proxied = forward({ host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    proxied.on('error', () => response.destroy());
    request.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await simulator.close();
    },
  };
}
