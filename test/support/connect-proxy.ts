import { createServer } from 'node:http';
import { connect } from 'node:net';

export interface ConnectProxy {
  url: string;
  /** host:port of every tunnel asked for, in order. */
  tunnels: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy as corporate networks run them: CONNECT to the target, then bytes both ways.
 * `hosts` maps names only the proxy can resolve (e.g. hub.invalid) to addresses, so a request
 * that goes around the proxy cannot reach its server at all.
 */
export async function startConnectProxy(options: { hosts?: Record<string, string> } = {}): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const server = createServer((_, response) => response.writeHead(405).end());
  server.on('connect', (request, client, head) => {
    tunnels.push(request.url ?? '');
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), options.hosts?.[host!] ?? host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    tunnels,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The environment of a child process with no proxy settings of the parent's, plus `extra`. */
export function proxyEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { HTTP_PROXY: '', HTTPS_PROXY: '', NO_PROXY: '', http_proxy: '', https_proxy: '', no_proxy: '', ...extra };
}
