import type { Command } from 'commander';
import { NO_AUTH_NOTICE, startDashboard } from '../../workers/dashboard/start-dashboard.ts';
import { prefixFrom } from '../../workers/queue-names.ts';
import { connectChecked, redisUrlFrom } from '../../workers/redis-connection.ts';
import { abortOnSignals } from '../interrupt.ts';
import { positiveInteger } from '../parse-flags.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function registerDashboardCommand(program: Command): void {
  program
    .command('dashboard')
    .description('Serve a dashboard of the queues (Bull Board). It has no authentication, so it listens on localhost only by default.')
    .option('--port <n>', 'port to listen on', '3000')
    .option('--host <address>', 'interface to listen on; anything but localhost exposes an unauthenticated dashboard', '127.0.0.1')
    .action(async (flags: { port: string; host: string }) => {
      const port = positiveInteger(flags.port, '--port');
      const redisUrl = redisUrlFrom();
      (await connectChecked({ url: redisUrl })).disconnect();
      const interrupt = abortOnSignals();
      const dashboard = await startDashboard({ redisUrl, prefix: prefixFrom(), host: flags.host, port });
      process.stderr.write(`dashboard at ${dashboard.url}\n${NO_AUTH_NOTICE}\n`);
      if (!LOOPBACK.has(flags.host)) process.stderr.write(`WARNING: listening on ${flags.host}, not localhost; publish the port on a loopback address only (as docker-compose.yml does) or put an authenticating proxy in front.\n`);
      try {
        await new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
      } finally {
        interrupt.dispose();
        await dashboard.close();
      }
    });
}
