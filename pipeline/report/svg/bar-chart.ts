import { escapeXml, PALETTE } from './escape.ts';

export interface Bar {
  label: string;
  value: number | null;
  /** 95% interval, drawn as a whisker when given. */
  low?: number | null;
  high?: number | null;
  /** Series index, for colour (one per model in grouped charts). */
  series?: number;
  /** Text written after the bar; the value by default. */
  note?: string;
}

export interface BarChartOptions {
  id: string;
  title: string;
  bars: Bar[];
  /** Upper end of the scale; the largest value by default (1 for rates). */
  max?: number;
  format?: (value: number) => string;
  width?: number;
}

const ROW = 22;
const LABEL_WIDTH = 210;
const NOTE_WIDTH = 150;

/** Horizontal bars, one row each, with optional interval whiskers; numbers stay readable as text. */
export function barChart(options: BarChartOptions): string {
  const width = options.width ?? 760;
  const plot = width - LABEL_WIDTH - NOTE_WIDTH;
  const values = options.bars.map((bar) => Math.max(bar.value ?? 0, bar.high ?? 0));
  const max = options.max ?? Math.max(1, ...values);
  const format = options.format ?? ((value: number) => String(value));
  const x = (value: number) => LABEL_WIDTH + (plot * Math.max(0, Math.min(value, max))) / max;
  const height = options.bars.length * ROW + 34;
  const rows = options.bars.map((bar, index) => {
    const y = 26 + index * ROW;
    const colour = PALETTE[(bar.series ?? 0) % PALETTE.length];
    const value = bar.value;
    const whisker =
      value !== null && bar.low !== undefined && bar.low !== null && bar.high !== undefined && bar.high !== null
        ? `<g class="interval" data-low="${bar.low}" data-high="${bar.high}"><line x1="${x(bar.low)}" x2="${x(bar.high)}" y1="${y + 8}" y2="${y + 8}" stroke="#222" stroke-width="1.5"/><line x1="${x(bar.low)}" x2="${x(bar.low)}" y1="${y + 3}" y2="${y + 13}" stroke="#222"/><line x1="${x(bar.high)}" x2="${x(bar.high)}" y1="${y + 3}" y2="${y + 13}" stroke="#222"/></g>`
        : '';
    const note = bar.note ?? (value === null ? 'n/a' : format(value));
    return [
      `<g class="bar" data-label="${escapeXml(bar.label)}" data-value="${value ?? ''}">`,
      `<text x="${LABEL_WIDTH - 8}" y="${y + 12}" text-anchor="end" class="label">${escapeXml(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${value === null ? 0 : (x(value) - LABEL_WIDTH).toFixed(2)}" height="${ROW - 6}" fill="${colour}"/>`,
      whisker,
      `<text x="${LABEL_WIDTH + plot + 8}" y="${y + 12}" class="value">${escapeXml(note)}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<svg id="${escapeXml(options.id)}" class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title)}">`,
    `<text x="0" y="14" class="title">${escapeXml(options.title)}</text>`,
    `<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH}" y1="22" y2="${height - 6}" stroke="#999"/>`,
    ...rows,
    '</svg>',
  ].join('\n');
}
