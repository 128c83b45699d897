import type { PredictorSummary } from '../evolution/predictor-summary.ts';

const percent = (share: number | null) => (share === null ? 'n/a' : `${(100 * share).toFixed(1)}%`);
const decimal = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

/** The card's part on the refusal predictor: held-out accuracy per target against the majority class, and how it did on each round's children. */
export function predictorCardSection(summary: PredictorSummary): string {
  const final = summary.final.targets.map((target) => `| \`${target.model}\` | ${target.train} | ${target.test} | ${percent(target.refused)} | ${percent(target.accuracy)} | ${percent(target.baseline)} | ${decimal(target.auc)} |`);
  const rounds = summary.rounds.flatMap((round) =>
    round.targets.map((target) => `| ${round.round} | \`${target.model}\` | ${round.trained_on} | ${percent(target.held_out.accuracy)} (${percent(target.held_out.baseline)}) | ${round.probed} / ${round.ordered} | ${percent(target.children.accuracy)} | ${decimal(target.children.auc)} |`),
  );
  const budget = summary.probes_per_round === null ? 'Every child was probed, so the order changed no label and no row.' : `At most ${summary.probes_per_round} children a round went to the targets, the most likely hard first; the rest are in \`failures.jsonl\`, unprobed.`;
  return [
    '### Refusal predictor',
    '',
    `Before a round probed its children, one predictor per target, fitted on the run's own probe results (${summary.features}), ordered them by the probability of being hard. It orders work and never labels a prompt: every row's label comes from its probe. ${budget} Accuracy is on held-out seeds (${summary.split}), next to always answering the majority class.`,
    '',
    '| target | trained on | held out | refused (held out) | accuracy | majority baseline | AUC |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...final,
    '',
    '| round | target | fitted on | held-out accuracy (baseline) | probed / ordered | accuracy on its children | AUC on its children |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rounds,
  ].join('\n');
}
