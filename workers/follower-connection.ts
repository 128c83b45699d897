import { Redis } from 'ioredis';

/**
 * The connection `run --queue` follows a run on. A Redis restart must not end the
 * follower: it reconnects for as long as it takes, while each poll fails fast (no
 * offline queue) so the follower can say that Redis is gone and how long it waits.
 * Resolves once connected, or at the first failure (the follower reports it then).
 */
export async function connectFollower(url: string): Promise<Redis> {
  const connection = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5_000, retryStrategy: (times) => Math.min(times * 200, 2_000) });
  await new Promise<void>((resolve) => {
    connection.once('ready', () => resolve());
    connection.once('error', () => resolve());
  });
  connection.on('error', () => {}); // each failed poll reports the outage
  return connection;
}
