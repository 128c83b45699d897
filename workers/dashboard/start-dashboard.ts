import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import express from 'express';
import { QUEUE_STAGES } from '../queue-names.ts';
import { createWorkerConnection } from '../redis-connection.ts';

export const NO_AUTH_NOTICE = 'The dashboard has NO authentication: anyone who can reach it can see prompts and retry, promote or delete jobs. Keep it on localhost (or behind an authenticating proxy).';

export interface RunningDashboard {
  url: string;
  close(): Promise<void>;
}

/** Bull Board over the stage queues, on localhost unless told otherwise. */
export async function startDashboard(options: { redisUrl: string; prefix: string; host?: string; port?: number }): Promise<RunningDashboard> {
  const connection = createWorkerConnection(options.redisUrl);
  connection.on('error', () => {}); // Bull Board shows Redis errors on the page
  const queues = QUEUE_STAGES.map((stage) => new Queue(stage, { connection, prefix: options.prefix }));
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath('/');
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'scarecrow (no auth)' } },
  });
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_request, response) => {
    response.type('text/plain').send(`ok\n${NO_AUTH_NOTICE}\n`);
  });
  app.use('/', serverAdapter.getRouter());
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port ?? 3000, options.host ?? '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { address, port } = server.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${shown}:${port}/`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all(queues.map((queue) => queue.close()));
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
