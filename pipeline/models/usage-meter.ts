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

/** Token usage and cost per role (generator, each judge, each target), for the manifest. */
export class UsageMeter {
  private readonly roles = new Map<string, RoleUsage>();

  record(role: string, usage: ModelUsage, pricing?: Pricing): void {
    const entry = this.entry(role, pricing);
    entry.calls += 1;
    entry.promptTokens += usage.promptTokens;
    entry.completionTokens += usage.completionTokens;
    if (pricing && entry.costUsd !== null) {
      entry.costUsd += (usage.promptTokens * pricing.inputPerMillion + usage.completionTokens * pricing.outputPerMillion) / 1e6;
    }
  }

  recordFailure(role: string, pricing?: Pricing): void {
    this.entry(role, pricing).failedCalls += 1;
  }

  /** Adds another meter's figures (e.g. from a queue worker). */
  merge(snapshot: Record<string, RoleUsage>): void {
    for (const [role, usage] of Object.entries(snapshot)) {
      const entry = this.entry(role);
      entry.calls += usage.calls;
      entry.failedCalls += usage.failedCalls;
      entry.promptTokens += usage.promptTokens;
      entry.completionTokens += usage.completionTokens;
      entry.costUsd = entry.costUsd === null || usage.costUsd === null ? null : entry.costUsd + usage.costUsd;
    }
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
