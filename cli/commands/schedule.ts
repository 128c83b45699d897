import type { Command } from 'commander';
import { prefixFrom } from '../../workers/queue-names.ts';
import { connectChecked, redisUrlFrom } from '../../workers/redis-connection.ts';
import { describeLastRefresh } from '../../workers/refresh/last-refresh.ts';
import { listSchedules, removeSchedule, upsertSchedule } from '../../workers/refresh/schedules.ts';
import { loadConfigOption } from './load-config-option.ts';

async function withRedis<T>(work: (redis: Awaited<ReturnType<typeof connectChecked>>, prefix: string) => Promise<T>): Promise<T> {
  const redis = await connectChecked({ url: redisUrlFrom() });
  try {
    return await work(redis, prefixFrom());
  } finally {
    redis.disconnect();
  }
}

export function registerScheduleCommand(program: Command): void {
  const schedule = program
    .command('schedule')
    .description('Scheduled refreshes, run by the workers: each writes a new dataset version (<output>/<name>/<version>/, LATEST names the newest) generated only from seeds earlier versions did not cover.');

  schedule
    .command('add')
    .description('Add or replace a schedule.')
    .argument('<name>', 'schedule name')
    .requiredOption('--cron <pattern>', 'when to refresh, as a cron pattern, e.g. "0 3 * * 1" for Mondays at 03:00')
    .option('-c, --config <file>', 'config file, read again at each refresh (workers must see the same path); the embedded defaults when omitted')
    .option('-o, --output <dir>', 'folder the versioned dataset goes in, as the workers see it (default: the config\'s output.dir)')
    .option('--tz <zone>', 'time zone of the cron pattern, e.g. Europe/London (default: the workers\' local time)')
    .action(async (name: string, flags: { cron: string; config?: string; output?: string; tz?: string }) => {
      const loaded = await loadConfigOption(flags.config);
      const added = await withRedis((redis, prefix) =>
        upsertSchedule({ redis, prefix, name, cron: flags.cron, tz: flags.tz, configFile: loaded.file, outputDir: flags.output ?? loaded.config.output.dir }),
      );
      process.stdout.write(`schedule ${added.name}: "${added.cron}"${added.tz ? ` (${added.tz})` : ''}, next ${added.next ? new Date(added.next).toISOString() : 'unknown'}; versions go to ${added.outputDir}/${loaded.config.name}/\n`);
    });

  schedule
    .command('list')
    .description('List schedules, their next refresh and what the last one did.')
    .action(async () => {
      const schedules = await withRedis((redis, prefix) => listSchedules({ redis, prefix }));
      if (schedules.length === 0) process.stdout.write('no schedules\n');
      for (const entry of schedules) {
        process.stdout.write(`${entry.name}  "${entry.cron}"${entry.tz ? ` ${entry.tz}` : ''}  next ${entry.next ? new Date(entry.next).toISOString() : '-'}  config ${entry.configFile ?? '(defaults)'}  output ${entry.outputDir}\n`);
        process.stdout.write(`  ${describeLastRefresh(entry.lastRefresh)}\n`);
      }
    });

  schedule
    .command('remove')
    .description('Remove a schedule; versions already written stay.')
    .argument('<name>', 'schedule name')
    .action(async (name: string) => {
      await withRedis((redis, prefix) => removeSchedule({ redis, prefix, name }));
      process.stdout.write(`schedule ${name} removed\n`);
    });
}
