import { AsyncLocalStorage } from 'node:async_hooks';
import type { ModelUsage } from './language-model.ts';

export interface Pricing {
  inputPerMillion: number;
  outputPerMillion: number;
}

export interface RoleUsage {
  calls: number;
  failedCalls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
}

/** What one piece of work's model calls used, whether the work succeeded or threw. */
export type Measured<T> = { ok: true; value: T; usage: Record<string, RoleUsage> } | { ok: false; error: unknown; usage: Record<string, RoleUsage> };

/** Token usage and cost per role (generator, each judge, each target), for the manifest. */
export class UsageMeter {
  private readonly roles = new Map<string, RoleUsage>();
  // The meters of the pieces of work being measured; calls run concurrently, so each finds its own through its async context.
  private readonly measuring = new AsyncLocalStorage<{ meter: UsageMeter; stopped?: AbortSignal }>();

  record(role: string, usage: ModelUsage, pricing?: Pricing): void {
    this.measuring.getStore()?.meter.record(role, usage, pricing);
    const entry = this.entry(role, pricing);
    entry.calls += 1;
    entry.promptTokens += usage.promptTokens;
    entry.completionTokens += usage.completionTokens;
    if (pricing && entry.costUsd !== null) {
      entry.costUsd += (usage.promptTokens * pricing.inputPerMillion + usage.completionTokens * pricing.outputPerMillion) / 1e6;
    }
  }

  recordFailure(role: string, pricing?: Pricing): void {
    const scope = this.measuring.getStore();
    // A call cut short by a stop did not fail, and most were still waiting for a slot, never sent.
    if (scope && !scope.stopped?.aborted) scope.meter.recordFailure(role, pricing);
    this.entry(role, pricing).failedCalls += 1;
  }

  /**
   * Runs `work` and returns, besides its value or error, what its own calls used (they
   * count here too), unrounded so adding up pieces gives what one meter would have.
   * Failures once `stopped` has fired are not counted as the work's.
   */
  async measure<T>(work: () => Promise<T>, options: { stopped?: AbortSignal } = {}): Promise<Measured<T>> {
    const own = new UsageMeter();
    try {
      const value = await this.measuring.run({ meter: own, stopped: options.stopped }, work);
      return { ok: true, value, usage: own.raw() };
    } catch (error) {
      return { ok: false, error, usage: own.raw() };
    }
  }

  /** Adds another meter's figures (e.g. from a queue worker, or a result paid for by an earlier process). */
  merge(snapshot: Record<string, RoleUsage>): void {
    for (const [role, usage] of Object.entries(snapshot)) {
      const entry = this.roles.get(role);
      if (!entry) {
        // A new role takes the snapshot's cost as it is: a priced role must not turn unpriced by being merged first.
        this.roles.set(role, { ...usage });
        continue;
      }
      entry.calls += usage.calls;
      entry.failedCalls += usage.failedCalls;
      entry.promptTokens += usage.promptTokens;
      entry.completionTokens += usage.completionTokens;
      entry.costUsd = entry.costUsd === null || usage.costUsd === null ? null : entry.costUsd + usage.costUsd;
    }
  }

  private raw(): Record<string, RoleUsage> {
    return Object.fromEntries([...this.roles.entries()].map(([role, usage]) => [role, { ...usage }]));
  }

  snapshot(): Record<string, RoleUsage> {
    const sorted = [...this.roles.entries()].sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(sorted.map(([role, usage]) => [role, { ...usage, costUsd: usage.costUsd === null ? null : round(usage.costUsd) }]));
  }

  private entry(role: string, pricing?: Pricing): RoleUsage {
    let entry = this.roles.get(role);
    if (!entry) {
      entry = { calls: 0, failedCalls: 0, promptTokens: 0, completionTokens: 0, costUsd: pricing ? 0 : null };
      this.roles.set(role, entry);
    }
    return entry;
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
