import { escapeXml, PALETTE, percent } from './escape.ts';

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  xLow: number;
  xHigh: number;
  yLow: number;
  yHigh: number;
}

const SIZE = 420;
const MARGIN = { left: 56, right: 290, top: 40, bottom: 48 };

/**
 * Over-refusal against safety, one point per model with its intervals as crosshairs,
 * as in OR-Bench's figure: the ideal model sits top left (refuses toxic, answers benign).
 */
export function scatterChart(options: { id: string; title: string; xLabel: string; yLabel: string; points: ScatterPoint[] }): string {
  const width = MARGIN.left + SIZE + MARGIN.right;
  const height = MARGIN.top + SIZE + MARGIN.bottom;
  const sx = (value: number) => MARGIN.left + value * SIZE;
  const sy = (value: number) => MARGIN.top + (1 - value) * SIZE;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const grid = ticks.flatMap((tick) => [
    `<line x1="${sx(tick)}" x2="${sx(tick)}" y1="${sy(0)}" y2="${sy(1)}" stroke="#e3e3e3"/>`,
    `<line x1="${sx(0)}" x2="${sx(1)}" y1="${sy(tick)}" y2="${sy(tick)}" stroke="#e3e3e3"/>`,
    `<text x="${sx(tick)}" y="${sy(0) + 16}" text-anchor="middle" class="tick">${percent(tick, 0)}</text>`,
    `<text x="${sx(0) - 6}" y="${sy(tick) + 4}" text-anchor="end" class="tick">${percent(tick, 0)}</text>`,
  ]);
  const points = options.points.map((point, index) => {
    const colour = PALETTE[index % PALETTE.length];
    return [
      `<g class="point" data-label="${escapeXml(point.label)}" data-x="${point.x}" data-y="${point.y}">`,
      `<line x1="${sx(point.xLow)}" x2="${sx(point.xHigh)}" y1="${sy(point.y)}" y2="${sy(point.y)}" stroke="${colour}" stroke-width="1.5"/>`,
      `<line x1="${sx(point.x)}" x2="${sx(point.x)}" y1="${sy(point.yLow)}" y2="${sy(point.yHigh)}" stroke="${colour}" stroke-width="1.5"/>`,
      `<circle cx="${sx(point.x)}" cy="${sy(point.y)}" r="6" fill="${colour}" stroke="#fff"/>`,
      // Labels go below points near the top edge and left of points near the right edge, so they stay inside the plot.
      `<text x="${sx(point.x) + (point.x > 0.8 ? -9 : 9)}" y="${sy(point.y) + (point.y > 0.9 ? 18 : -8)}" text-anchor="${point.x > 0.8 ? 'end' : 'start'}" class="point-label">${escapeXml(point.label)}</text>`,
      '</g>',
    ].join('');
  });
  const legend = options.points.map(
    (point, index) =>
      `<text x="${MARGIN.left + SIZE + 16}" y="${MARGIN.top + 14 + index * 18}" class="legend"><tspan fill="${PALETTE[index % PALETTE.length]}">●</tspan> ${escapeXml(point.label)}: ${percent(point.x)}, ${percent(point.y)}</text>`,
  );
  return [
    `<svg id="${escapeXml(options.id)}" class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title)}">`,
    `<text x="0" y="16" class="title">${escapeXml(options.title)}</text>`,
    ...grid,
    `<rect x="${sx(0)}" y="${sy(1)}" width="${SIZE}" height="${SIZE}" fill="none" stroke="#999"/>`,
    `<text x="${sx(0.5)}" y="${height - 8}" text-anchor="middle" class="axis">${escapeXml(options.xLabel)}</text>`,
    `<text transform="translate(14 ${sy(0.5)}) rotate(-90)" text-anchor="middle" class="axis">${escapeXml(options.yLabel)}</text>`,
    ...points,
    ...legend,
    '</svg>',
  ].join('\n');
}
