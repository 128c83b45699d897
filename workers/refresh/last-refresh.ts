import type { Redis } from 'ioredis';
import { z } from 'zod';

/** What a schedule's most recent refresh did, for `schedule list`. */
export const LastRefresh = z.object({
  at: z.number().int().describe('When the refresh ran (ms since the epoch).'),
  version: z.string().describe('The version it was for, named for its scheduled time.'),
  outcome: z.enum(['submitted', 'joined', 'nothing-new']).describe('submitted or joined a run that writes the version; nothing-new: no new seed and none removed, so no version was written.'),
  runId: z.string().nullable(),
  latest: z.string().nullable().describe('The newest version already written when the refresh ran.'),
});
export type LastRefresh = z.infer<typeof LastRefresh>;

export function lastRefreshKey(prefix: string, schedule: string): string {
  return `${prefix}:schedule:${schedule}:last-refresh`;
}

export async function writeLastRefresh(options: { redis: Redis; prefix: string; schedule: string; record: LastRefresh }): Promise<void> {
  await options.redis.set(lastRefreshKey(options.prefix, options.schedule), JSON.stringify(LastRefresh.parse(options.record)));
}

export async function readLastRefresh(options: { redis: Redis; prefix: string; schedule: string }): Promise<LastRefresh | null> {
  const text = await options.redis.get(lastRefreshKey(options.prefix, options.schedule));
  if (text === null) return null;
  const parsed = LastRefresh.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

/** One line for `schedule list`: when the last refresh ran and what came of it. */
export function describeLastRefresh(record: LastRefresh | null): string {
  if (!record) return 'last refresh: none yet';
  const when = new Date(record.at).toISOString();
  if (record.outcome === 'nothing-new') return `last refresh ${when}: nothing new, no version written (latest ${record.latest ?? 'none'})`;
  return `last refresh ${when}: ${record.outcome} run ${record.runId} for ${record.version}`;
}
