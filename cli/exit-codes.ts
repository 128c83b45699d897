/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** The run itself failed. */
  failure: 1,
  /** Bad input: a flag, a config field, a seed file. Nothing was written. */
  usage: 2,
  /** The run reached its budget (budget.maxCalls or budget.maxCostUsd): it wrote the dataset of what was settled, and the manifest and card say the budget stopped it. */
  budget: 3,
  /** Stopped by Ctrl-C or SIGTERM. No dataset was written; results already made are kept for the same command to resume. */
  interrupted: 130,
} as const;
