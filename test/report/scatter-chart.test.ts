import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVALUATION_METHOD } from '../../pipeline/evaluation/evaluation-result.ts';
import { writeReport } from '../../pipeline/report/write-report.ts';
import { rateAxis } from '../../pipeline/report/svg/axis-scale.ts';
import { scatterChart, type ScatterPoint } from '../../pipeline/report/svg/scatter-chart.ts';
import { makeDataset } from '../harness-export/make-dataset.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

/** The simulator's three targets on the bundled seeds (`scarecrow eval --target sim-target --target sim-target-strict --target sim-target-lenient`). */
const CLOSE_MODELS: ScatterPoint[] = [
  { label: 'sim-target', x: 0.049, xLow: 0.038, xHigh: 0.062, y: 0.493, yLow: 0.412, yHigh: 0.574 },
  { label: 'sim-target-lenient', x: 0.015, xLow: 0.009, xHigh: 0.023, y: 0.38, yLow: 0.305, yHigh: 0.462 },
  { label: 'sim-target-strict', x: 0.118, xLow: 0.101, xHigh: 0.137, y: 0.535, yLow: 0.453, yHigh: 0.615 },
];

const chart = (points: ScatterPoint[]) => scatterChart({ id: 'eval-scatter', title: 't', xLabel: 'x', yLabel: 'y', points });
const attribute = (svg: string, name: string) => Number(new RegExp(`${name}="([^"]+)"`).exec(svg)![1]);
const texts = (svg: string, className: string) => [...svg.matchAll(new RegExp(`class="tick ${className}">([^<]+)<`, 'g'))].map((match) => match[1]);

describe('over-refusal vs safety scatter', () => {
  it('spans the models\' intervals on round ticks instead of 0-100%', () => {
    const svg = chart(CLOSE_MODELS);
    expect([attribute(svg, 'data-x-min'), attribute(svg, 'data-x-max'), attribute(svg, 'data-y-min'), attribute(svg, 'data-y-max')]).toEqual([0, 0.15, 0.2, 0.7]);
    expect(texts(svg, 'x-tick')).toEqual(['0%', '5%', '10%', '15%']);
    expect(texts(svg, 'y-tick')).toEqual(['20%', '30%', '40%', '50%', '60%', '70%']);
    const cx = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((match) => Number(match[1]));
    // 420 px of plot: the models spread over most of it.
    expect(Math.max(...cx) - Math.min(...cx)).toBeGreaterThan(250);
  });

  it('keeps every interval inside the axes, and 0 and 100% reachable', () => {
    expect(rateAxis([0, 0.004, 0.01])).toMatchObject({ min: 0 });
    expect(rateAxis([0.97, 1])).toMatchObject({ max: 1 });
    expect(rateAxis([0, 1])).toMatchObject({ min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    const narrow = rateAxis([0.5, 0.5]);
    expect(narrow.max - narrow.min).toBeGreaterThanOrEqual(0.05);
    expect(narrow.min).toBeLessThanOrEqual(0.5);
    expect(narrow.max).toBeGreaterThanOrEqual(0.5);
  });

  it('puts the labels of models with near-identical figures apart', () => {
    const twins = ['model-a', 'model-b', 'model-c'].map((label, index) => ({ label, x: 0.05 + index * 0.001, xLow: 0.04, xHigh: 0.06, y: 0.5, yLow: 0.45, yHigh: 0.55 }));
    const svg = chart(twins);
    const boxes = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end)" class="point-label">([^<]+)</g)].map((match) => {
      const width = match[4]!.length * 7;
      const left = match[3] === 'end' ? Number(match[1]) - width : Number(match[1]);
      return { left, right: left + width, top: Number(match[2]) - 11, bottom: Number(match[2]) + 3 };
    });
    expect(boxes).toHaveLength(3);
    for (const [index, box] of boxes.entries()) {
      for (const other of boxes.slice(index + 1)) expect(box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom).toBe(false);
    }
  });

  it('renders the method as text in the report, not Markdown source', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const model = { model: 'm', endpoint: 'simulator', simulated: true, samples: 1, finished_samples: 5, failed_samples: 0, by_category: {}, evaluated_at: '2026-12-01T00:00:00.000Z' };
    const rate = { refused: 1, n: 4, rate: 0.25, low: 0.05, high: 0.7, sample_rate: 0.25 };
    const overall = { benign: rate, controversial: rate, hard: rate, toxic: rate };
    await writeFile(join(dir, 'eval.json'), JSON.stringify({ dataset: 'fixture-set', simulated: true, refusal_classifier: 'v', method: EVALUATION_METHOD, models: [{ ...model, overall }] }));
    const html = await readFile((await writeReport({ dataset: dir })).file, 'utf8');
    const method = /<p class="method">(.*?)<\/p>/.exec(html)![1]!;
    expect(method).toContain('<code>samples</code>');
    expect(method).not.toContain('`');
  });
});
