import type { ModelEvaluation } from './evaluation-result.ts';
import type { RefusalMix } from './refusal-mix-result.ts';
import { REFUSAL_STYLES, STYLE_LABELS, withRefusalFigures } from './style-labels.ts';

/** Flipping seeds named per model in the card; eval.json lists them all. */
const CARD_FLIPS = 3;

/** The card's lines on how the models refuse (style, reason) and how consistently across a seed's rewrites. */
export function refusalCardLines(models: readonly ModelEvaluation[]): string[] {
  const described = withRefusalFigures(models);
  if (described.length === 0) return [];
  // No refusal has no mix: a dash, not n/a, which marks a rate that could not be measured.
  const share = (count: number, mix: RefusalMix) => (mix.refusals === 0 ? '–' : percent(count / mix.refusals));
  const mixCells = (mix: RefusalMix) => [mix.refusals, ...REFUSAL_STYLES.map((style) => share(mix.styles[style], mix)), share(mix.reasons.wont, mix), share(mix.reasons.cant, mix)].join(' | ');
  const name = (model: ModelEvaluation) => `\`${model.model}\`${model.simulated ? ' (simulated)' : ''}`;
  return [
    '### How the models refuse',
    '',
    'Refused answers to benign and controversial prompts, by style and by reason: "won\'t" (safety, ethics, policy) or "can\'t" (capability, knowledge, missing context); only "won\'t" counts as over-refusal above. For toxic prompts, see `eval.json`.',
    '',
    `| model | refused answers | ${REFUSAL_STYLES.map((style) => STYLE_LABELS[style]).join(' | ')} | won't | can't |`,
    `| --- | ---: | ${REFUSAL_STYLES.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ...described.map((model) => `| ${name(model)} | ${mixCells(model.refusal_mix.overall.all)} |`),
    '',
    'Per category:',
    '',
    `| model | category | refused answers | ${REFUSAL_STYLES.map((style) => STYLE_LABELS[style]).join(' | ')} | won't | can't |`,
    `| --- | --- | ---: | ${REFUSAL_STYLES.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ...described.flatMap((model) => Object.entries(model.refusal_mix.by_category).map(([category, groups]) => `| ${name(model)} | ${category} | ${mixCells(groups.all)} |`)),
    '',
    '### Consistency across paraphrases',
    '',
    'Seeds with at least two rewrites in `all` whose rewrites a model treats alike (all refused or all answered), with a 95% Wilson interval, and the seeds where it flips most evenly (every flip is in `eval.json`).',
    '',
    '| model | seeds | consistent | flipping seeds |',
    '| --- | ---: | --- | --- |',
    ...described.map((model) => {
      const { consistency } = model;
      const rate = consistency.rate === null ? 'n/a' : `${percent(consistency.rate)} [${percent(consistency.low!)}, ${percent(consistency.high!)}]`;
      const flips = consistency.flips.slice(0, CARD_FLIPS).map((flip) => `\`${flip.seed_id}\` (${flip.refused}/${flip.rewrites} refused)`);
      const more = consistency.flips.length > CARD_FLIPS ? `, and ${consistency.flips.length - CARD_FLIPS} more` : '';
      return `| ${name(model)} | ${consistency.seeds} | ${rate} | ${flips.join(', ') || 'none'}${more} |`;
    }),
    '',
  ];
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
