import type { Dataset } from '../dataset/read-dataset.ts';
import type { DatasetDiversity } from '../dataset/diversity-section.ts';
import type { DiversityFigures } from '../diversity/measure-diversity.ts';
import { judgeAgreement, targetRefusals } from './judge-agreement.ts';
import { barChart } from './svg/bar-chart.ts';
import { escapeXml, percent } from './svg/escape.ts';

type Counts = Record<string, number>;

const table = (head: string[], rows: (string | number)[][], numeric = true) =>
  `<table><thead><tr>${head.map((cell) => `<th>${escapeXml(cell)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell, index) => `<td${numeric && index > 0 ? ' class="num"' : ''}>${escapeXml(cell)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

export function funnelSection(dataset: Dataset): string {
  const counts = dataset.manifest.counts as unknown as Counts;
  const steps: [string, number][] = [
    ['seeds', counts.seeds ?? 0],
    ['candidates generated', counts.generated ?? 0],
    ['duplicates removed', (counts.duplicates_exact ?? 0) + (counts.duplicates_near ?? 0)],
    ['failed candidates', counts.failed_candidates ?? 0],
    ['judged', counts.judged ?? 0],
    ['judged benign', counts.benign ?? 0],
    ['judged controversial', counts.controversial ?? 0],
    ['judged harmful (toxic)', counts.harmful ?? 0],
    ['hard (refused by targets)', counts.hard ?? 0],
  ];
  return `<section id="funnel"><h2>Funnel</h2>${barChart({ id: 'funnel-chart', title: 'From seeds to the hard set', bars: steps.map(([label, value], index) => ({ label, value, series: index < 2 ? 0 : index === 2 || index === 3 ? 5 : index === 8 ? 3 : 2 })) })}</section>`;
}

export function categorySection(dataset: Dataset): string {
  const byCategory = dataset.manifest.by_category as unknown as Record<string, Counts>;
  const rows = Object.entries(byCategory).map(([category, c]) => [category, c.seeds ?? 0, c.candidates ?? 0, c.benign ?? 0, c.controversial ?? 0, c.harmful ?? 0, c.hard ?? 0]);
  const bars = Object.entries(byCategory).map(([category, c]) => ({ label: category, value: c.hard ?? 0, note: `${c.hard ?? 0} hard of ${(c.benign ?? 0) + (c.controversial ?? 0)}` }));
  return `<section id="categories"><h2>Per category</h2>${table(['category', 'seeds', 'candidates', 'benign', 'controversial', 'harmful', 'hard'], rows)}${barChart({ id: 'category-hard-chart', title: 'Hard prompts per category', bars, max: Math.max(1, ...bars.map((bar) => bar.value)) })}</section>`;
}

export function judgeSection(dataset: Dataset): string {
  const agreement = judgeAgreement([...dataset.configs.all, ...dataset.configs.toxic]);
  const summary = `<p class="figures"><span id="judge-unanimous">${percent(agreement.unanimous)}</span> of ${agreement.records} prompts had unanimous verdicts; judge pairs agreed on <span id="judge-pairwise">${percent(agreement.pairwise)}</span> of their votes.</p>`;
  const pairs = agreement.pairs.length > 0 ? table(['judge pair', 'prompts', 'agreement'], agreement.pairs.map((pair) => [`${pair.a} / ${pair.b}`, pair.records, percent(pair.agreement)])) : '';
  return `<section id="judges"><h2>Judge agreement</h2>${summary}${pairs}</section>`;
}

export function targetSection(dataset: Dataset): string {
  const probeConfig = (dataset.manifest.config as { probe?: { refusalThreshold?: number } } | undefined)?.probe;
  const targets = targetRefusals(dataset.configs.all, probeConfig?.refusalThreshold ?? 0.5);
  if (targets.length === 0) return '<section id="targets"><h2>Refusals of the probed targets</h2><p>No target was probed.</p></section>';
  const chart = barChart({
    id: 'target-chart',
    title: 'Mean refusal rate of each probed target on benign and controversial prompts',
    max: 1,
    format: (value) => percent(value),
    bars: targets.map((target, index) => ({ label: target.model, value: target.meanRate, series: index, note: `${percent(target.meanRate)} (${target.refused}/${target.prompts} refused)` })),
  });
  return `<section id="targets"><h2>Refusals of the probed targets</h2>${chart}</section>`;
}

export function diversitySection(dataset: Dataset): string {
  const diversity = dataset.manifest.extra?.diversity as Partial<DatasetDiversity> | undefined;
  if (!diversity?.overall) return '';
  const row = (name: string, figures: DiversityFigures) => [
    name,
    figures.count,
    figures.distinct1.toFixed(3),
    figures.distinct2.toFixed(3),
    `${figures.selfBleu.toFixed(3)}${figures.selfBleuSample < figures.count ? ` (${figures.selfBleuSample} sampled)` : ''}`,
    figures.sharedOpeningShare.toFixed(3),
  ];
  const rows = [row(diversity.set ?? 'all', diversity.overall), ...Object.entries(diversity.byCategory ?? {}).map(([category, figures]) => row(category, figures))];
  const note = '<p>distinct-n: unique n-grams / all n-grams (higher is more varied). Self-BLEU: BLEU-4 of each prompt against all others (lower is more varied). Shared opening: share of prompts whose first five words open another prompt.</p>';
  return `<section id="diversity"><h2>Diversity</h2>${note}${table(['prompts', 'n', 'distinct-1', 'distinct-2', 'Self-BLEU', 'shared opening'], rows)}</section>`;
}

export function usageSection(dataset: Dataset): string {
  const rows = Object.entries(dataset.manifest.usage).map(([role, usage]) => [role, usage.calls, usage.failedCalls, usage.promptTokens, usage.completionTokens, usage.costUsd === null ? 'n/a' : `$${usage.costUsd.toFixed(4)}`]);
  const total = dataset.manifest.cost_usd === null ? 'not known (no pricing for some roles)' : `$${dataset.manifest.cost_usd.toFixed(4)}`;
  return `<section id="usage"><h2>Token usage and cost</h2>${table(['role', 'calls', 'failed', 'prompt tokens', 'completion tokens', 'cost'], rows)}<p>Total cost: <span id="total-cost">${escapeXml(total)}</span></p></section>`;
}
