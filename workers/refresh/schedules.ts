import { resolve } from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import type { Redis } from 'ioredis';
import { UserError } from '../../pipeline/errors/user-error.ts';
import type { RefreshJobData } from '../job-data.ts';
import { StageQueues, REMOVE_ON_COMPLETE, REMOVE_ON_FAIL } from '../stage-queues.ts';
import { lastRefreshKey, readLastRefresh, type LastRefresh } from './last-refresh.ts';

export const SCHEDULE_NAME = /^[A-Za-z0-9._-]+$/;

export interface ScheduleInfo {
  name: string;
  cron: string | null;
  tz: string | null;
  next: number | null;
  configFile: string | null;
  outputDir: string | null;
  /** What the most recent refresh did; null before the first. */
  lastRefresh: LastRefresh | null;
}

/**
 * Adds or replaces a scheduled refresh: a BullMQ job scheduler on the refresh queue
 * whose jobs name the config file (read again at every refresh) and output folder.
 */
export async function upsertSchedule(options: { redis: Redis; prefix: string; name: string; cron: string; tz?: string; configFile: string | null; outputDir: string }): Promise<ScheduleInfo> {
  if (!SCHEDULE_NAME.test(options.name)) throw new UserError(`schedule name "${options.name}": letters, digits, dot, dash and underscore only`, { field: 'NAME' });
  checkCron(options.cron, options.tz);
  const queues = new StageQueues({ connection: options.redis, prefix: options.prefix });
  const data: RefreshJobData = { schedule: options.name, configFile: options.configFile ? resolve(options.configFile) : null, outputDir: resolve(options.outputDir) };
  try {
    await queues.get('refresh').upsertJobScheduler(options.name, { pattern: options.cron, ...(options.tz ? { tz: options.tz } : {}) }, {
      name: 'refresh',
      data,
      opts: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: REMOVE_ON_COMPLETE, removeOnFail: REMOVE_ON_FAIL },
    });
  } finally {
    await queues.close();
  }
  return (await listSchedules(options)).find((schedule) => schedule.name === options.name)!;
}

/** The zone, then the pattern by the parser BullMQ's job schedulers use (the same pinned version), before anything is stored. */
function checkCron(cron: string, tz: string | undefined): void {
  if (tz) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
    } catch {
      throw new UserError(`--tz "${tz}": not a time zone this machine knows (an IANA name such as Europe/London)`, { field: '--tz' });
    }
  }
  try {
    CronExpressionParser.parse(cron, tz ? { tz } : {}).next();
  } catch (error) {
    throw new UserError(`--cron "${cron}": ${(error as Error).message} (five fields, or six with seconds first, e.g. "0 3 * * 1")`, { field: '--cron' });
  }
}

export async function listSchedules(options: { redis: Redis; prefix: string }): Promise<ScheduleInfo[]> {
  const queues = new StageQueues({ connection: options.redis, prefix: options.prefix });
  try {
    const schedulers = await queues.get('refresh').getJobSchedulers(0, -1, true);
    return await Promise.all(
      schedulers.map(async (scheduler) => {
        const data = (scheduler.template?.data ?? {}) as Partial<RefreshJobData>;
        const lastRefresh = await readLastRefresh({ redis: options.redis, prefix: options.prefix, schedule: scheduler.key });
        return { name: scheduler.key, cron: scheduler.pattern ?? null, tz: scheduler.tz ?? null, next: scheduler.next ?? null, configFile: data.configFile ?? null, outputDir: data.outputDir ?? null, lastRefresh };
      }),
    );
  } finally {
    await queues.close();
  }
}

export async function removeSchedule(options: { redis: Redis; prefix: string; name: string }): Promise<void> {
  const queues = new StageQueues({ connection: options.redis, prefix: options.prefix });
  try {
    if (!(await queues.get('refresh').removeJobScheduler(options.name))) throw new UserError(`no schedule named "${options.name}" (see scarecrow schedule list)`, { field: 'NAME' });
    await options.redis.del(lastRefreshKey(options.prefix, options.name));
  } finally {
    await queues.close();
  }
}
