import { rateAxis } from './axis-scale.ts';
import { escapeXml, PALETTE, percent } from './escape.ts';
import { placeLabels } from './place-labels.ts';

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

/**
 * Over-refusal against safety, one point per model with its intervals as crosshairs,
 * as in OR-Bench's figure: the ideal model sits top left (refuses toxic, answers benign).
 * Each axis spans the models' intervals, not 0-100%, so models with close figures are
 * told apart; the ranges are written on the axes.
 */
export function scatterChart(options: { id: string; title: string; xLabel: string; yLabel: string; points: ScatterPoint[] }): string {
  const width = MARGIN.left + SIZE + MARGIN.right;
  const height = MARGIN.top + SIZE + MARGIN.bottom;
  const xAxis = rateAxis(options.points.flatMap((point) => [point.xLow, point.x, point.xHigh]));
  const yAxis = rateAxis(options.points.flatMap((point) => [point.yLow, point.y, point.yHigh]));
  const sx = (value: number) => round(MARGIN.left + ((value - xAxis.min) / (xAxis.max - xAxis.min)) * SIZE);
  const sy = (value: number) => round(MARGIN.top + (1 - (value - yAxis.min) / (yAxis.max - yAxis.min)) * SIZE);
  const grid = [
    ...xAxis.ticks.flatMap((tick) => [
      `<line x1="${sx(tick)}" x2="${sx(tick)}" y1="${sy(yAxis.min)}" y2="${sy(yAxis.max)}" stroke="#e3e3e3"/>`,
      `<text x="${sx(tick)}" y="${sy(yAxis.min) + 16}" text-anchor="middle" class="tick x-tick">${percent(tick, xAxis.digits)}</text>`,
    ]),
    ...yAxis.ticks.flatMap((tick) => [
      `<line x1="${sx(xAxis.min)}" x2="${sx(xAxis.max)}" y1="${sy(tick)}" y2="${sy(tick)}" stroke="#e3e3e3"/>`,
      `<text x="${sx(xAxis.min) - 6}" y="${sy(tick) + 4}" text-anchor="end" class="tick y-tick">${percent(tick, yAxis.digits)}</text>`,
    ]),
  ];
  const labels = placeLabels({
    points: options.points.map((point) => ({ text: point.label, x: sx(point.x), y: sy(point.y) })),
    plot: { left: sx(xAxis.min), right: sx(xAxis.max), top: sy(yAxis.max), bottom: sy(yAxis.min) },
  });
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
      `<text x="${round(label.x)}" y="${round(label.y)}" text-anchor="${label.anchor}" class="point-label">${escapeXml(point.label)}</text>`,
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
  const axes = `data-x-min="${xAxis.min}" data-x-max="${xAxis.max}" data-y-min="${yAxis.min}" data-y-max="${yAxis.max}"`;
  return [
    `<svg id="${escapeXml(options.id)}" class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title)}" ${axes}>`,
    `<text x="0" y="16" class="title">${escapeXml(options.title)}</text>`,
    ...grid,
    `<rect x="${sx(xAxis.min)}" y="${sy(yAxis.max)}" width="${SIZE}" height="${SIZE}" fill="none" stroke="#999"/>`,
    `<text x="${MARGIN.left + SIZE / 2}" y="${height - 8}" text-anchor="middle" class="axis">${escapeXml(options.xLabel)}</text>`,
    `<text transform="translate(14 ${MARGIN.top + SIZE / 2}) rotate(-90)" text-anchor="middle" class="axis">${escapeXml(options.yLabel)}</text>`,
    ...points,
    ...legend,
    '</svg>',
  ].join('\n');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function whisker(options: { from: number; to: number; at: number; horizontal: boolean }): string {
  const { from, to, at } = options;
  const line = (x1: number, y1: number, x2: number, y2: number) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`;
  return options.horizontal
    ? [line(from, at, to, at), line(from, at - CAP, from, at + CAP), line(to, at - CAP, to, at + CAP)].join('')
    : [line(at, from, at, to), line(at - CAP, from, at + CAP, from), line(at - CAP, to, at + CAP, to)].join('');
}
