import type { ModelEvaluation } from '../evaluation/evaluation-result.ts';
import type { RefusalMix } from '../evaluation/refusal-mix-result.ts';
import { REFUSAL_STYLES, STYLE_LABELS, withRefusalFigures } from '../evaluation/style-labels.ts';
import { escapeXml, percent } from './svg/escape.ts';

/** Flipping seeds listed per model in the report; eval.json lists them all. */
const REPORT_FLIPS = 10;

const modelName = (model: ModelEvaluation) => `${escapeXml(model.model)}${model.simulated ? ' <em>(simulated)</em>' : ''}`;
const share = (count: number, mix: RefusalMix) => (mix.refusals === 0 ? '–' : percent(count / mix.refusals));
const mixCells = (mix: RefusalMix) =>
  `<td class="num">${mix.refusals}</td>${REFUSAL_STYLES.map((style) => `<td class="num">${share(mix.styles[style], mix)}</td>`).join('')}<td class="num">${share(mix.reasons.wont, mix)}</td><td class="num">${share(mix.reasons.cant, mix)}</td>`;
const mixHead = (first: string) =>
  `<thead><tr><th>${first}</th><th>refused answers</th>${REFUSAL_STYLES.map((style) => `<th>${STYLE_LABELS[style]}</th>`).join('')}<th>won't</th><th>can't</th></tr></thead>`;

/**
 * How the evaluated models refuse (style and reason of the refused answers, overall and per
 * category) and how consistently they treat the rewrites of one seed, with the seeds that flip.
 */
export function refusalMannerSection(models: readonly ModelEvaluation[]): string {
  const described = withRefusalFigures(models);
  if (described.length === 0) return '';
  const overall = `<table id="eval-refusal-styles">${mixHead('model · prompts')}<tbody>${described
    .flatMap((model) => [
      `<tr><td>${modelName(model)} · benign and controversial</td>${mixCells(model.refusal_mix.overall.all)}</tr>`,
      `<tr><td>${modelName(model)} · toxic</td>${mixCells(model.refusal_mix.overall.toxic)}</tr>`,
    ])
    .join('')}</tbody></table>`;
  const perCategory = described
    .map((model) => {
      const rows = Object.entries(model.refusal_mix.by_category)
        .map(([category, groups]) => `<tr><td>${escapeXml(category)}</td>${mixCells(groups.all)}</tr>`)
        .join('');
      return `<h4>${modelName(model)}: benign and controversial prompts per category</h4><table class="eval-styles-by-category">${mixHead('category')}<tbody>${rows}</tbody></table>`;
    })
    .join('');
  const consistency = `<table id="eval-consistency"><thead><tr><th>model</th><th>seeds</th><th>consistent</th><th>95% interval</th><th>flipping seeds</th></tr></thead><tbody>${described
    .map((model) => ({ model, seeds: model.consistency }))
    .map(({ model, seeds }) => `<tr><td>${modelName(model)}</td><td class="num">${seeds.seeds}</td><td class="num">${percent(seeds.rate)}</td><td>[${percent(seeds.low)}, ${percent(seeds.high)}]</td><td class="num">${seeds.flips.length}</td></tr>`)
    .join('')}</tbody></table>`;
  const flips = described
    .map((model) => {
      const rows = model.consistency.flips
        .slice(0, REPORT_FLIPS)
        .map((flip) => `<tr><td><code>${escapeXml(flip.seed_id)}</code></td><td>${escapeXml(flip.concept)}</td><td>${escapeXml(flip.category)}</td><td class="num">${flip.refused}/${flip.rewrites}</td></tr>`)
        .join('');
      const more = model.consistency.flips.length > REPORT_FLIPS ? `<p>… and ${model.consistency.flips.length - REPORT_FLIPS} more in <code>eval.json</code>.</p>` : '';
      return rows ? `<h4>${modelName(model)}: seeds that flip</h4><table class="eval-flips"><thead><tr><th>seed</th><th>concept</th><th>category</th><th>refused rewrites</th></tr></thead><tbody>${rows}</tbody></table>${more}` : '';
    })
    .join('');
  return [
    `<h3>How the models refuse</h3><p>Refused answers by style, and by reason: <em>won't</em> (safety, ethics, policy) or <em>can't</em> (capability, knowledge, missing context). Over-refusal rates count only <em>won't</em>. Styles and reasons are read from cue phrases in each refusal's first three sentences.</p>`,
    overall,
    perCategory,
    `<h3>Consistency across paraphrases</h3><p>Seeds with at least two rewrites among the benign and controversial prompts: the share whose rewrites a model treats alike (all refused or all answered), and the seeds where it flips, the most evenly split first.</p>`,
    consistency,
    flips,
  ].join('\n');
}
