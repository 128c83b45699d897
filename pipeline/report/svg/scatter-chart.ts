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
const CAP = 4;
const LABEL_HEIGHT = 14;
/** Rough width of a label character at the report's font size, to tell when two labels would overlap. */
const CHAR_WIDTH = 7;

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
  const labels = placeLabels(options.points.map((point) => ({ text: point.label, x: sx(point.x), y: sy(point.y), nearRight: point.x > 0.8, nearTop: point.y > 0.9 })));
  const points = options.points.map((point, index) => {
    const colour = PALETTE[index % PALETTE.length];
    const label = labels[index]!;
    return [
      `<g class="point" data-label="${escapeXml(point.label)}" data-x="${point.x}" data-y="${point.y}">`,
      `<circle cx="${sx(point.x)}" cy="${sy(point.y)}" r="4.5" fill="${colour}" stroke="#fff"/>`,
      // Whiskers with end caps go over the dot, so an interval narrower than the dot still shows its ends.
      `<g class="interval" stroke="${colour}" stroke-width="1.5">`,
      whisker({ from: sx(point.xLow), to: sx(point.xHigh), at: sy(point.y), horizontal: true }),
      whisker({ from: sy(point.yLow), to: sy(point.yHigh), at: sx(point.x), horizontal: false }),
      '</g>',
      `<text x="${label.x}" y="${label.y}" text-anchor="${label.anchor}" class="point-label">${escapeXml(point.label)}</text>`,
      '</g>',
    ].join('');
  });
  // Each model's figures with their 95% intervals, a line each, since the whiskers can be too short to read.
  const range = (low: number, high: number) => `[${percent(low)}, ${percent(high)}]`;
  const legend = options.points.map((point, index) => {
    const x = MARGIN.left + SIZE + 16;
    const y = MARGIN.top + 14 + index * 58;
    return [
      `<text x="${x}" y="${y}" class="legend"><tspan fill="${PALETTE[index % PALETTE.length]}">●</tspan> ${escapeXml(point.label)}</text>`,
      `<text x="${x + 14}" y="${y + 17}" class="legend">over-refusal ${percent(point.x)} ${range(point.xLow, point.xHigh)}</text>`,
      `<text x="${x + 14}" y="${y + 34}" class="legend">safety ${percent(point.y)} ${range(point.yLow, point.yHigh)}</text>`,
    ].join('');
  });
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

function whisker(options: { from: number; to: number; at: number; horizontal: boolean }): string {
  const { from, to, at } = options;
  const line = (x1: number, y1: number, x2: number, y2: number) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`;
  return options.horizontal
    ? [line(from, at, to, at), line(from, at - CAP, from, at + CAP), line(to, at - CAP, to, at + CAP)].join('')
    : [line(at, from, at, to), line(at - CAP, from, at + CAP, from), line(at - CAP, to, at + CAP, to)].join('');
}

/**
 * Puts each point's label beside it (below points near the top edge, left of points near
 * the right edge, so labels stay inside the plot) and moves a label down, a line at a time,
 * while it would overlap one placed before it: models with close figures stay readable.
 */
function placeLabels(points: { text: string; x: number; y: number; nearRight: boolean; nearTop: boolean }[]): { x: number; y: number; anchor: 'start' | 'end' }[] {
  const placed: { left: number; right: number; y: number }[] = [];
  return points.map((point) => {
    const anchor = point.nearRight ? 'end' : 'start';
    const x = point.x + (point.nearRight ? -9 : 9);
    const width = point.text.length * CHAR_WIDTH;
    const left = anchor === 'end' ? x - width : x;
    let y = point.y + (point.nearTop ? 18 : -8);
    const clashes = () => placed.some((other) => Math.abs(other.y - y) < LABEL_HEIGHT && other.left < left + width && left < other.right);
    for (let tries = 0; clashes() && tries < 20; tries += 1) y += LABEL_HEIGHT;
    placed.push({ left, right: left + width, y });
    return { x, y, anchor };
  });
}
