/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** The run itself failed. */
  failure: 1,
  /** Bad input: a flag, a config field, a seed file. Nothing was written. */
  usage: 2,
  /** Stopped by Ctrl-C or SIGTERM. No dataset was written; results already made are kept for the same command to resume. */
  interrupted: 130,
} as const;
