import PQueue from 'p-queue';
import { setTimeout as sleep } from 'node:timers/promises';

export interface EndpointGateOptions {
  maxConcurrency: number;
  requestsPerMinute?: number;
}

/**
 * Admission to one endpoint: at most `maxConcurrency` requests in flight, at most
 * `requestsPerMinute` started per minute (spread per second so a run does not burst
 * a minute's budget at once), and a shared pause when the provider asks for one.
 */
export class EndpointGate {
  private readonly queue: PQueue;
  private pausedUntil = 0;

  constructor(options: EndpointGateOptions) {
    const perSecond = options.requestsPerMinute ? options.requestsPerMinute / 60 : undefined;
    this.queue = new PQueue({
      concurrency: options.maxConcurrency,
      ...(perSecond
        ? perSecond >= 1
          ? { intervalCap: Math.floor(perSecond), interval: 1000 }
          : { intervalCap: 1, interval: Math.ceil(1000 / perSecond) }
        : {}),
    });
  }

  /** Every request waits out a pause that began before it got its slot. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.queue.add(
      async () => {
        for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) {
          await sleep(wait, undefined, { signal });
        }
        return task();
      },
      { signal },
    ) as Promise<T>;
  }

  /** The provider said "retry after": hold every request to this endpoint, not just the one that got the 429. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  get pending(): number {
    return this.queue.pending + this.queue.size;
  }
}
