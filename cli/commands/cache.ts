import type { Command } from 'commander';
import { cacheDir, openCache } from '../../pipeline/cost/cache-location.ts';
import type { CacheStats, ResponseCache } from '../../pipeline/cost/response-cache.ts';
import { prefixFrom } from '../../workers/queue-names.ts';
import { connectChecked, redactRedisUrl, redisUrlFrom } from '../../workers/redis-connection.ts';
import { RedisResponseCache } from '../../workers/redis-response-cache.ts';
import { loadConfigOption } from './load-config-option.ts';

interface CacheFlags {
  config?: string;
  output?: string;
  queue?: boolean;
}

/** `scarecrow cache stats|prune|clear`: the in-process response cache of a config (its cache.dir, or .scarecrow-cache in the output folder). */
export function registerCacheCommand(program: Command): void {
  const cache = program.command('cache').description('Inspect or empty the response cache: answers already paid for, reused by later runs that send the same requests.');
  const withFlags = (command: Command) =>
    command
      .option('-c, --config <file>', 'config file (JSON); the embedded defaults when omitted')
      .option('-o, --output <dir>', 'folder the dataset folder goes in, whose .scarecrow-cache is meant (default: the config\'s output.dir)')
      .option('--queue', 'the cache of queued runs, in Redis (REDIS_URL, SCARECROW_QUEUE_PREFIX)');

  withFlags(cache.command('stats').description('How many answers the cache holds, how many are past their time to live, and its size.')).action(async (flags: CacheFlags) =>
    withCache(flags, async (store, dir) => process.stdout.write(statsLines(dir, await store.stats()).join('\n') + '\n')),
  );
  withFlags(cache.command('prune').description('Delete the answers past the time to live (cache.ttlHours).')).action(async (flags: CacheFlags) =>
    withCache(flags, async (store, dir) => process.stdout.write(`pruned ${await store.prune()} expired answers from ${dir}\n`)),
  );
  withFlags(cache.command('clear').description('Delete every cached answer: the next run pays for every call again.')).action(async (flags: CacheFlags) =>
    withCache(flags, async (store, dir) => process.stdout.write(`cleared ${await store.clear()} answers from ${dir}\n`)),
  );
}

async function withCache(flags: CacheFlags, work: (store: ResponseCache, where: string) => Promise<unknown>): Promise<void> {
  const { config } = await loadConfigOption(flags.config);
  if (flags.queue) {
    const url = redisUrlFrom();
    const prefix = prefixFrom();
    const redis = await connectChecked({ url });
    try {
      await work(new RedisResponseCache({ redis, prefix, ttlMs: config.cache.ttlHours * 3_600_000 }), `${redactRedisUrl(url)} (prefix ${prefix})`);
    } finally {
      redis.disconnect();
    }
    return;
  }
  const store = openCache({ config, outputDir: flags.output });
  try {
    await work(store, cacheDir({ config, outputDir: flags.output }));
  } finally {
    await store.close();
  }
}

function statsLines(dir: string, stats: CacheStats): string[] {
  return [
    `cache ${dir}`,
    `  answers ${stats.entries} (${stats.expired} expired)`,
    `  size ${stats.bytes === null ? 'unknown' : `${(stats.bytes / 1e6).toFixed(1)} MB`}`,
    ...(stats.oldest ? [`  oldest ${stats.oldest}, newest ${stats.newest}`] : []),
  ];
}
