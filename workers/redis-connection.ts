import { Redis } from 'ioredis';
import { UserError } from '../pipeline/errors/user-error.ts';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The Redis URL from REDIS_URL (or the default), checked before any connection is tried. */
export function redisUrlFrom(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.REDIS_URL?.trim() || DEFAULT_REDIS_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`REDIS_URL: "${redactRedisUrl(url)}" is not a URL; expected e.g. ${DEFAULT_REDIS_URL}`, { field: 'REDIS_URL' });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new UserError(`REDIS_URL: "${redactRedisUrl(url)}" is not a redis:// or rediss:// URL`, { field: 'REDIS_URL' });
  }
  return url;
}

/** The URL without its password, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}

/**
 * Workers wait for Redis to come back rather than fail a job for a blip, and
 * BullMQ's blocking commands require `maxRetriesPerRequest: null`.
 */
export function createWorkerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** Submitters and status readers fail fast: a command with no Redis errors at once instead of queueing. */
export async function connectProducer(url: string): Promise<Redis> {
  const connection = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true, connectTimeout: 5_000, retryStrategy: (times) => (times > 3 ? null : 200) });
  connection.on('error', () => {}); // reported through the failed connect below
  try {
    await connection.connect();
    await connection.ping();
  } catch (error) {
    connection.disconnect();
    throw new UserError(`cannot reach Redis at ${redactRedisUrl(url)} (${error instanceof Error ? error.message : String(error)}); start Redis or set REDIS_URL`, { field: 'REDIS_URL' });
  }
  return connection;
}

/**
 * BullMQ loses jobs under any eviction policy, so a Redis that may evict is refused.
 * Managed servers often disable CONFIG; then we can only warn.
 */
export async function checkEvictionPolicy(options: { connection: Redis; url: string; warn: (message: string) => void }): Promise<void> {
  let policy: string | undefined;
  try {
    const answer = (await options.connection.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
    policy = answer[1];
  } catch {
    options.warn(`warning: cannot read maxmemory-policy from Redis at ${redactRedisUrl(options.url)} (CONFIG is disabled); make sure it is noeviction, or jobs may be lost`);
    return;
  }
  if (policy !== undefined && policy !== 'noeviction') {
    throw new UserError(
      `Redis at ${redactRedisUrl(options.url)} has maxmemory-policy ${policy}; queues need noeviction (run: redis-cli CONFIG SET maxmemory-policy noeviction, and set it in redis.conf)`,
      { field: 'REDIS_URL' },
    );
  }
}

/** Connects fail-fast and checks the eviction policy: what every queue command does first. */
export async function connectChecked(options: { url: string; warn?: (message: string) => void }): Promise<Redis> {
  const connection = await connectProducer(options.url);
  try {
    await checkEvictionPolicy({ connection, url: options.url, warn: options.warn ?? ((message) => process.stderr.write(`${message}\n`)) });
  } catch (error) {
    connection.disconnect();
    throw error;
  }
  return connection;
}
