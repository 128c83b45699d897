import type { Redis } from 'ioredis';
import type { BudgetState, BudgetTicket, CallBudget } from '../pipeline/cost/call-budget.ts';
import type { BudgetConfig } from '../pipeline/schemas/cost-config.ts';
import { RESULT_TTL_MS } from './result-ttl.ts';

/** Cost is counted in nano-dollars, as integers, so every worker's additions sum exactly. */
const NANO = 1e9;

/*
 * One script decides a call's admission for every worker of the run at once: the calls
 * made, the cost spent and the estimates of calls in flight are one hash, so two workers
 * can never both take the last call. ARGV: max calls (-1: none), max cost (-1: none), estimate, ttl.
 */
const ADMIT = `
local calls = tonumber(redis.call('HGET', KEYS[1], 'calls') or '0')
local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
local maxCalls = tonumber(ARGV[1])
local maxCost = tonumber(ARGV[2])
local estimate = tonumber(ARGV[3])
local refused = nil
if maxCalls >= 0 and calls + 1 > maxCalls then refused = 'budget.maxCalls'
elseif maxCost >= 0 and spent + reserved + estimate > maxCost then refused = 'budget.maxCostUsd' end
if refused then
  redis.call('HSETNX', KEYS[1], 'stopped_by', refused)
  return refused
end
redis.call('HINCRBY', KEYS[1], 'calls', 1)
redis.call('HINCRBY', KEYS[1], 'reserved', estimate)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 'ok'
`;

/** The budget of a queued run, shared through Redis by every worker on every machine. */
export class RedisCallBudget implements CallBudget {
  constructor(
    readonly limits: BudgetConfig,
    private readonly options: { redis: Redis; key: string },
  ) {}

  async admit(estimateUsd: number): Promise<BudgetTicket | { refusedBy: 'budget.maxCalls' | 'budget.maxCostUsd' }> {
    const estimate = Math.ceil(estimateUsd * NANO);
    const { maxCalls, maxCostUsd } = this.limits;
    const answer = (await this.options.redis.eval(ADMIT, 1, this.options.key, maxCalls ?? -1, maxCostUsd === null ? -1 : Math.floor(maxCostUsd * NANO), estimate, RESULT_TTL_MS)) as string;
    if (answer === 'budget.maxCalls' || answer === 'budget.maxCostUsd') return { refusedBy: answer };
    return { reservedUsd: estimate / NANO };
  }

  async settle(ticket: BudgetTicket, costUsd: number): Promise<void> {
    await this.options.redis.multi().hincrby(this.options.key, 'reserved', -Math.round(ticket.reservedUsd * NANO)).hincrby(this.options.key, 'spent', Math.ceil(costUsd * NANO)).exec();
  }

  async state(): Promise<BudgetState> {
    return RedisCallBudget.read(this.options.redis, this.options.key);
  }

  static async read(redis: Redis, key: string): Promise<BudgetState> {
    const fields = await redis.hgetall(key);
    const stoppedBy = fields.stopped_by === 'budget.maxCalls' || fields.stopped_by === 'budget.maxCostUsd' ? fields.stopped_by : null;
    return { calls: Number(fields.calls ?? 0), costUsd: Number(fields.spent ?? 0) / NANO, stoppedBy };
  }
}
