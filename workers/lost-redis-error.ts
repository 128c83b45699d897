/** The follower of a queued run gave up waiting for Redis to come back; the run itself lives on in Redis and the workers. */
export class LostRedisError extends Error {
  override readonly name = 'LostRedisError';
  constructor(
    message: string,
    readonly runId: string,
  ) {
    super(message);
  }
}

/** Errors that say Redis cannot be reached right now (down, restarting, loading its files), not that something is wrong with the run. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  return /Stream isn't writeable|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|^LOADING\b/.test(error.message);
}
