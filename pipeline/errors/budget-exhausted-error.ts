import { ModelCallError } from './model-call-error.ts';

const MARKER: unique symbol = Symbol.for('scarecrow.error.BudgetExhausted');

/**
 * A call refused before it was made because the run's budget is spent. It is a model call
 * error no retry can fix, so the item it belonged to is recorded as failed with this reason
 * (never lost) and the run goes on to write what is settled.
 */
export function budgetExhaustedError(options: { field: 'budget.maxCalls' | 'budget.maxCostUsd'; limit: number; endpoint: string }): ModelCallError {
  const what = options.field === 'budget.maxCalls' ? `${options.limit} calls` : `${options.limit} US dollars`;
  const error = new ModelCallError({ message: `budget reached (${options.field}: ${what}); this call was not made`, endpoint: options.endpoint, isRetryable: false });
  return Object.assign(error, { [MARKER]: true });
}

export function isBudgetExhaustedError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { [MARKER]?: unknown })[MARKER] === true;
}
