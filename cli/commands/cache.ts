import type { Command } from 'commander';
import { cacheDir, openCache } from '../../pipeline/cost/cache-location.ts';
import type { CacheStats } from '../../pipeline/cost/response-cache.ts';
import { loadConfigOption } from './load-config-option.ts';

interface CacheFlags {
  config?: string;
  output?: string;
}

/** `scarecrow cache stats|prune|clear`: the in-process response cache of a config (its cache.dir, or .scarecrow-cache in the output folder). */
export function registerCacheCommand(program: Command): void {
  const cache = program.command('cache').description('Inspect or empty the response cache: answers already paid for, reused by later runs that send the same requests.');
  const withFlags = (command: Command) =>
    command
      .option('-c, --config <file>', 'config file (JSON); the embedded defaults when omitted')
      .option('-o, --output <dir>', 'folder the dataset folder goes in, whose .scarecrow-cache is meant (default: the config\'s output.dir)');

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

async function withCache(flags: CacheFlags, work: (store: ReturnType<typeof openCache>, dir: string) => Promise<unknown>): Promise<void> {
  const { config } = await loadConfigOption(flags.config);
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
