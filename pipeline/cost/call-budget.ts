import type { BudgetConfig } from '../schemas/cost-config.ts';

/** A call's hold on the budget between its admission and its answer. */
export interface BudgetTicket {
  reservedUsd: number;
}

export interface BudgetState {
  calls: number;
  costUsd: number;
  /** The limit that refused a call, once one did. */
  stoppedBy: 'budget.maxCalls' | 'budget.maxCostUsd' | null;
}

/**
 * The run's budget: every call asks it before it is made. A call is admitted only if it
 * keeps the run within `maxCalls`, and within `maxCostUsd` counting its own estimated cost
 * and that of the calls still in flight; its real cost replaces the estimate once it answered.
 */
export interface CallBudget {
  readonly limits: BudgetConfig;
  /** A ticket, or the limit that refuses the call. */
  admit(estimateUsd: number): Promise<BudgetTicket | { refusedBy: 'budget.maxCalls' | 'budget.maxCostUsd' }>;
  settle(ticket: BudgetTicket, costUsd: number): Promise<void>;
  state(): Promise<BudgetState>;
}

/** Whether a config sets any budget at all. */
export function hasBudget(limits: BudgetConfig): boolean {
  return limits.maxCalls !== null || limits.maxCostUsd !== null;
}

/** The budget of one process: an in-process run. */
export class LocalCallBudget implements CallBudget {
  private calls = 0;
  private spentUsd = 0;
  private reservedUsd = 0;
  private stoppedBy: BudgetState['stoppedBy'] = null;

  constructor(readonly limits: BudgetConfig) {}

  async admit(estimateUsd: number): Promise<BudgetTicket | { refusedBy: 'budget.maxCalls' | 'budget.maxCostUsd' }> {
    const { maxCalls, maxCostUsd } = this.limits;
    if (maxCalls !== null && this.calls + 1 > maxCalls) return this.refuse('budget.maxCalls');
    if (maxCostUsd !== null && this.spentUsd + this.reservedUsd + estimateUsd > maxCostUsd) return this.refuse('budget.maxCostUsd');
    this.calls += 1;
    this.reservedUsd += estimateUsd;
    return { reservedUsd: estimateUsd };
  }

  async settle(ticket: BudgetTicket, costUsd: number): Promise<void> {
    this.reservedUsd -= ticket.reservedUsd;
    this.spentUsd += costUsd;
  }

  async state(): Promise<BudgetState> {
    return { calls: this.calls, costUsd: this.spentUsd, stoppedBy: this.stoppedBy };
  }

  private refuse(field: 'budget.maxCalls' | 'budget.maxCostUsd') {
    this.stoppedBy ??= field;
    return { refusedBy: field };
  }
}
