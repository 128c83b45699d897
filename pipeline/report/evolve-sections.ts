import type { Dataset } from '../dataset/read-dataset.ts';
import type { PredictorSummary } from '../evolution/predictor-summary.ts';
import type { EvolveSummary } from '../evolution/round-stats.ts';
import { barChart } from './svg/bar-chart.ts';
import { escapeXml, percent } from './svg/escape.ts';

const cells = (row: (string | number)[]) => row.map((cell, index) => `<td${index > 0 ? ' class="num"' : ''}>${escapeXml(cell)}</td>`).join('');
const table = (head: string[], rows: (string | number)[][]) => `<table><thead><tr>${head.map((cell) => `<th>${escapeXml(cell)}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${cells(row)}</tr>`).join('')}</tbody></table>`;
const share = (part: number, whole: number) => (whole > 0 ? percent(part / whole) : 'n/a');
const perThousand = (hard: number, calls: number) => (calls > 0 ? ((1000 * hard) / calls).toFixed(1) : 'n/a');

/** The search rounds of a dataset made with `evolve.rounds` > 0: the funnel per round and the yield per operator; nothing for one-shot datasets. */
export function evolveSection(dataset: Dataset): string {
  const summary = dataset.manifest.extra?.evolve as EvolveSummary | undefined;
  if (!summary?.rounds || summary.rounds.length === 0) return '';
  const first = summary.first_round;
  const rounds = table(
    ['round', 'parents', 'children', 'duplicates', 'harmful', 'screened', 'probed', 'hard', 'model calls', 'hard per 1,000 calls'],
    [
      ['0 (first generation)', '', first.candidates, '', '', '', '', first.hard, first.calls.total, perThousand(first.hard, first.calls.total)],
      ...summary.rounds.map((round) => [round.round, round.parents, round.children, `${round.duplicates} (${share(round.duplicates, round.children)})`, `${round.harmful} (${share(round.harmful, round.children)})`, round.screened, round.probed, round.hard, round.calls.total, perThousand(round.hard, round.calls.total)]),
    ],
  );
  const chart = barChart({
    id: 'operator-yield-chart',
    title: 'Share of each operator\u2019s children that became hard',
    max: Math.max(0.01, ...summary.operators.map((entry) => entry.yield)),
    format: (value) => percent(value),
    bars: summary.operators.map((entry, index) => ({ label: entry.operator, value: entry.yield, series: index % 6, note: `${entry.hard} hard of ${entry.pulls} (${entry.harmful} harmful, ${entry.duplicates} duplicates)` })),
  });
  return `<section id="evolve"><h2>Search rounds</h2><p>Each round mutated unrefused prompts with operators chosen by a UCB1 bandit; children went through dedupe, the judges and a short screen before their probe.</p>${rounds}${chart}${summary.predictor ? predictorTable(summary.predictor) : ''}</section>`;
}

/** Held-out accuracy of the refusal predictor that ordered the rounds, per target, next to the majority class. */
function predictorTable(predictor: PredictorSummary): string {
  const figure = (value: number | null, format: (value: number) => string) => (value === null ? 'n/a' : format(value));
  const rows = predictor.final.targets.map((target) => [target.model, target.train, target.test, percent(target.refused), figure(target.accuracy, percent), figure(target.baseline, percent), figure(target.auc, (value) => value.toFixed(3))]);
  return `<h3>Refusal predictor</h3><p>Per target, fitted on the run's probe results to order each round's children before they were probed (never to label them); accuracy on held-out seeds.</p>${table(['target', 'trained on', 'held out', 'refused (held out)', 'accuracy', 'majority baseline', 'AUC'], rows)}`;
}
