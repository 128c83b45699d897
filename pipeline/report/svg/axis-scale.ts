/** Tick steps a rate axis may use, from fine to coarse. */
const STEPS = [0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25];
const MAX_TICKS = 6;
/** The narrowest span an axis shows, so a model with a tight interval is not blown up to fill the plot. */
const MIN_SPAN = 0.05;

export interface AxisScale {
  min: number;
  max: number;
  ticks: number[];
  /** Decimal places a tick label needs at this step. */
  digits: number;
}

/**
 * A rate axis (0 to 1) that covers `values` with a little room on each side, on round
 * ticks: models that all sit between 2% and 9% are spread over the plot instead of
 * crowding one corner of a 0-100% square.
 */
export function rateAxis(values: number[]): AxisScale {
  const finite = values.filter((value) => Number.isFinite(value));
  let low = finite.length > 0 ? Math.max(0, Math.min(...finite)) : 0;
  let high = finite.length > 0 ? Math.min(1, Math.max(...finite)) : 1;
  const pad = Math.max((high - low) * 0.08, 0.005);
  low = Math.max(0, low - pad);
  high = Math.min(1, high + pad);
  if (high - low < MIN_SPAN) {
    const centre = (low + high) / 2;
    low = Math.max(0, Math.min(centre - MIN_SPAN / 2, 1 - MIN_SPAN));
    high = low + MIN_SPAN;
  }
  const step = STEPS.find((candidate) => Math.ceil(high / candidate - 1e-9) - Math.floor(low / candidate + 1e-9) <= MAX_TICKS - 1) ?? 0.25;
  const min = round(Math.floor(low / step + 1e-9) * step);
  const max = round(Math.min(1, Math.ceil(high / step - 1e-9) * step));
  const ticks: number[] = [];
  for (let tick = min; tick <= max + 1e-9; tick += step) ticks.push(round(tick));
  return { min, max, ticks, digits: step < 0.01 ? 1 : 0 };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
