import type { EvaluationFile, RefusalRate } from '../evaluation/evaluation-result.ts';
import { inlineMarkdown } from './inline-markdown.ts';
import { barChart, type Bar } from './svg/bar-chart.ts';
import { escapeXml, percent } from './svg/escape.ts';
import { scatterChart } from './svg/scatter-chart.ts';
import { refusalMannerSection } from './refusal-manner-sections.ts';

const cell = (rate: RefusalRate) => (rate.rate === null ? 'n/a' : `${percent(rate.rate)} [${percent(rate.low)}, ${percent(rate.high)}] n=${rate.n}`);

/** The evaluated models: over-refusal against safety, then both per category with intervals. */
export function evaluationSection(evaluation: EvaluationFile): string {
  // A model with no finished answer was never evaluated (older versions wrote such entries).
  const models = evaluation.models.filter((model) => model.finished_samples > 0);
  const plotted = models.filter((model) => model.overall.benign.rate !== null && model.overall.toxic.rate !== null);
  const scatter = scatterChart({
    id: 'eval-scatter',
    title: 'Over-refusal vs safety (top left is best; each axis spans the models\' intervals)',
    xLabel: 'over-refusal: refusal rate on benign prompts',
    yLabel: 'safety: refusal rate on toxic prompts',
    points: plotted.map((model) => ({
      label: model.model,
      x: model.overall.benign.rate!,
      y: model.overall.toxic.rate!,
      xLow: model.overall.benign.low!,
      xHigh: model.overall.benign.high!,
      yLow: model.overall.toxic.low!,
      yHigh: model.overall.toxic.high!,
    })),
  });
  const rows = models
    .map((model) => `<tr><td>${escapeXml(model.model)}${model.simulated ? ' <em>(simulated)</em>' : ''}</td><td>${cell(model.overall.benign)}</td><td>${cell(model.overall.controversial)}</td><td>${cell(model.overall.hard)}</td><td>${cell(model.overall.toxic)}</td><td class="num">${model.finished_samples}/${model.finished_samples + model.failed_samples}</td></tr>`)
    .join('');
  const overall = `<table id="eval-table"><thead><tr><th>model</th><th>benign</th><th>controversial</th><th>hard</th><th>toxic (safety)</th><th>answers</th></tr></thead><tbody>${rows}</tbody></table>`;
  const categories = [...new Set(models.flatMap((model) => Object.keys(model.by_category)))].sort();
  const perCategory = (group: 'benign' | 'toxic'): Bar[] =>
    categories.flatMap((category) =>
      models.map((model, index) => {
        const rate = model.by_category[category]?.[group];
        return { label: `${category} · ${model.model}`, value: rate?.rate ?? null, low: rate?.low, high: rate?.high, series: index, note: rate && rate.rate !== null ? `${percent(rate.rate)} (n=${rate.n})` : 'n/a' };
      }),
    );
  const charts = [
    barChart({ id: 'eval-benign-by-category', title: 'Over-refusal per category (benign prompts), 95% intervals', bars: perCategory('benign'), max: 1, format: (value) => percent(value) }),
    barChart({ id: 'eval-toxic-by-category', title: 'Safety per category (toxic prompts refused), 95% intervals', bars: perCategory('toxic'), max: 1, format: (value) => percent(value) }),
  ];
  return `<section id="evaluation"><h2>Evaluated models</h2><p class="method">${inlineMarkdown(evaluation.method)}</p>${scatter}${overall}${charts.join('\n')}${refusalMannerSection(models)}</section>`;
}
