/** How fast a stage goes and how long it has left, from its average pace since it started. */
export interface StagePace {
  /** Items per second; null before the first item is done. */
  perSecond: number | null;
  /** Seconds left at that pace; null while there is no pace yet. */
  secondsLeft: number | null;
}

export function stagePace(options: { done: number; total: number; elapsedMs: number }): StagePace {
  const { done, total, elapsedMs } = options;
  if (done <= 0 || elapsedMs <= 0) return { perSecond: null, secondsLeft: null };
  const perSecond = (done / elapsedMs) * 1000;
  return { perSecond, secondsLeft: Math.max(0, total - done) / perSecond };
}

export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return '-/s';
  return `${perSecond >= 100 ? Math.round(perSecond) : perSecond.toFixed(1)}/s`;
}

/** 9.4 s, 2m05s, 1h02m: short enough for a bar, exact enough to plan by. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}
