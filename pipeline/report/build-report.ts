import { recordedSimulation } from '../dataset/recorded-simulation.ts';
import type { Dataset } from '../dataset/read-dataset.ts';
import type { EvaluationFile } from '../evaluation/evaluation-result.ts';
import { categorySection, diversitySection, funnelSection, judgeSection, targetSection, usageSection } from './dataset-sections.ts';
import { evaluationSection } from './evaluation-sections.ts';
import { evolveSection } from './evolve-sections.ts';
import { languageSection } from './language-sections.ts';
import { escapeXml } from './svg/escape.ts';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;max-width:980px;margin:24px auto;padding:0 16px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#666}.simulated{background:#b00020;color:#fff;padding:12px 16px;border-radius:6px;font-weight:600;margin:14px 0}
.sizes{display:flex;gap:12px;margin:14px 0}.sizes div{background:#f3f5f8;border-radius:6px;padding:8px 14px}.sizes b{display:block;font-size:22px}
table{border-collapse:collapse;margin:8px 0 14px}th,td{padding:4px 10px;border-bottom:1px solid #e6e6e6;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
svg.chart{display:block;margin:10px 0;max-width:100%;height:auto}svg .title{font-weight:600;font-size:13px}svg .label,svg .value,svg .legend,svg .point-label{font-size:12px}svg .tick{font-size:11px;fill:#555}svg .axis{font-size:12px;fill:#333}
`;

const EVALUATION_SIMULATED_WARNING = 'SIMULATED: some evaluated models were scarecrow\'s simulator, not real language models; their figures test the pipeline only.';

/** The dataset's report as one self-contained HTML page: inline CSS and SVG, no scripts, no network. */
export function buildReport(options: { dataset: Dataset; evaluation: EvaluationFile | null }): string {
  const { dataset, evaluation } = options;
  const { manifest, configs } = dataset;
  // The dataset's own warning names its simulated roles; an evaluation of simulated targets on real data has its own.
  const warning = recordedSimulation(manifest)?.warning ?? (evaluation?.simulated ? EVALUATION_SIMULATED_WARNING : null);
  const body = [
    `<h1>${escapeXml(manifest.name)}</h1>`,
    `<p class="meta">Over-refusal test set made by scarecrow ${escapeXml(manifest.versions?.scarecrow ?? '')} on ${escapeXml(manifest.created_at)}; refusal classifier ${escapeXml(manifest.refusal_classifier ?? '')}.</p>`,
    warning ? `<div class="simulated" id="simulated-warning">${escapeXml(warning)}</div>` : '',
    `<div class="sizes"><div><b id="size-all">${configs.all.length}</b>all (benign + controversial)</div><div><b id="size-hard">${configs.hard.length}</b>hard</div><div><b id="size-toxic">${configs.toxic.length}</b>toxic</div></div>`,
    funnelSection(dataset),
    categorySection(dataset),
    languageSection(dataset),
    judgeSection(dataset),
    targetSection(dataset),
    evolveSection(dataset),
    diversitySection(dataset),
    usageSection(dataset),
    evaluation && evaluation.models.some((model) => model.finished_samples > 0) ? evaluationSection(evaluation) : '<section id="evaluation"><h2>Evaluated models</h2><p>No evaluation yet: run <code>scarecrow eval --dataset … --target …</code>.</p></section>',
  ];
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeXml(manifest.name)}: scarecrow report</title><style>${STYLE}</style></head><body>\n${body.filter(Boolean).join('\n')}\n</body></html>\n`;
}
