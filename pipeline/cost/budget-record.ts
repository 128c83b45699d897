import type { BudgetConfig } from '../schemas/cost-config.ts';
import type { BudgetState } from './call-budget.ts';

/** The manifest's `extra.budget`: the limits, what was used of them, and the limit that stopped the run, if one did. */
export function budgetRecord(limits: BudgetConfig, state: BudgetState) {
  return {
    max_calls: limits.maxCalls,
    max_cost_usd: limits.maxCostUsd,
    calls: state.calls,
    cost_usd: Math.round(state.costUsd * 1e6) / 1e6,
    stopped_by: state.stoppedBy,
  };
}

/** The card's note on a run its budget stopped: the dataset is what was settled before, the rest is in failures.jsonl. */
export function budgetCardSection(limits: BudgetConfig, state: BudgetState): string {
  const limit = state.stoppedBy === 'budget.maxCalls' ? `${limits.maxCalls} calls` : `${limits.maxCostUsd} US dollars`;
  return [
    '## Budget',
    '',
    `This run was **stopped by its budget** (\`${state.stoppedBy}\`: ${limit}) after ${state.calls} model calls. The data holds the prompts settled before that; the seeds and candidates it did not reach are listed in \`failures.jsonl\` with the reason \`budget reached\`. A rerun with a larger budget reuses every answer already paid for from the response cache.`,
    '',
  ].join('\n');
}
