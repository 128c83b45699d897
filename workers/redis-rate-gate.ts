import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { LanguageModel } from '../pipeline/models/language-model.ts';

/*
 * GCRA: one key per endpoint holds the theoretical arrival time of the next request.
 * A request is admitted when it is at most `burst` intervals early; otherwise the
 * script says how long to wait. Redis's clock is the only clock, so every worker on
 * every machine shares one budget. A pause key (set on a 429) blocks the endpoint
 * for its Retry-After.
 */
const ADMIT = `
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return paused end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - now - tolerance
if wait > 0 then return math.ceil(wait) end
redis.call('SET', KEYS[1], tat + interval, 'PX', math.ceil(tat + interval - now) + 1000)
return 0
`;

export interface RateGateOptions {
  redis: Redis;
  prefix: string;
}

/** Global requests-per-minute limits and 429 pauses per endpoint, held in Redis. */
export class RedisRateGate {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(options: RateGateOptions) {
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.redis.defineCommand('scarecrowAdmit', { numberOfKeys: 2, lua: ADMIT });
  }

  private keys(endpoint: string): [string, string] {
    const hash = createHash('sha256').update(endpoint).digest('hex').slice(0, 16);
    return [`${this.prefix}:gate:${hash}:tat`, `${this.prefix}:gate:${hash}:pause`];
  }

  /** Waits until the endpoint may take one more request under `requestsPerMinute`. */
  async admit(options: { endpoint: string; requestsPerMinute?: number; signal?: AbortSignal }): Promise<void> {
    const [tat, pause] = this.keys(options.endpoint);
    const rpm = options.requestsPerMinute;
    // Up to a second's worth at once, like the in-process gate, so a slow start does not waste budget.
    const interval = rpm ? 60_000 / rpm : 0;
    const tolerance = rpm ? interval * Math.max(0, Math.floor(rpm / 60) - 1) : 0;
    for (;;) {
      const wait = Number(await (this.redis as unknown as { scarecrowAdmit(...args: unknown[]): Promise<number> }).scarecrowAdmit(tat, pause, interval, tolerance));
      if (wait <= 0) return;
      await sleep(wait, undefined, { signal: options.signal });
    }
  }

  /** Holds the endpoint for every worker, e.g. for a provider's Retry-After. */
  async pause(options: { endpoint: string; ms: number }): Promise<void> {
    const [, pause] = this.keys(options.endpoint);
    await this.redis.set(pause, '1', 'PX', Math.max(1, Math.ceil(options.ms)));
  }

  /**
   * A model whose every request first passes this gate. Roles without a requests-per-minute
   * limit skip it (one Redis round trip less per call); a 429 on them still pauses their
   * stage's queue for every worker through BullMQ's rate limiter.
   */
  wrap(model: LanguageModel, options: { endpoint: string; requestsPerMinute?: number }): LanguageModel {
    if (!options.requestsPerMinute) return model;
    return {
      id: model.id,
      generateText: async (call) => {
        await this.admit({ ...options, signal: call.signal });
        return model.generateText(call);
      },
      generateObject: async (call) => {
        await this.admit({ ...options, signal: call.signal });
        return model.generateObject(call);
      },
    };
  }
}
