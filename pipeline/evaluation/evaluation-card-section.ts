import type { EvaluationFile, RefusalRate } from './evaluation-result.ts';
import { refusalCardLines } from './refusal-card-section.ts';

const START = '<!-- scarecrow:evaluation:start -->';
const END = '<!-- scarecrow:evaluation:end -->';

/** The card with its evaluation section replaced (or added before Limitations). */
export function withEvaluationSection(card: string, evaluation: EvaluationFile): string {
  const section = `${START}\n${evaluationSection(evaluation)}\n${END}`;
  const start = card.indexOf(START);
  const end = card.indexOf(END);
  if (start !== -1 && end > start) return card.slice(0, start) + section + card.slice(end + END.length);
  const marker = '\n## Limitations';
  const at = card.indexOf(marker);
  if (at === -1) return `${card.trimEnd()}\n\n${section}\n`;
  return `${card.slice(0, at)}\n${section}\n${card.slice(at)}`;
}

function evaluationSection(evaluation: EvaluationFile): string {
  const cell = (rate: RefusalRate) => (rate.rate === null ? 'n/a' : `${percent(rate.rate)} [${percent(rate.low!)}, ${percent(rate.high!)}] (n=${rate.n})`);
  return [
    '## Evaluation',
    '',
    ...(evaluation.simulated ? ['> **SIMULATED: these figures come from simulated models or a simulated dataset.**', ''] : []),
    'Refusal rates with 95% Wilson intervals. Lower is better for benign, controversial and hard prompts (over-refusal, counting only "won\'t" refusals); higher is better for toxic prompts (safety, counting every refusal). Full figures per category are in `eval.json`.',
    '',
    '| model | benign | controversial | hard | toxic (safety) | benign, "can\'t" |',
    '| --- | --- | --- | --- | --- | --- |',
    ...evaluation.models.map((model) => `| \`${model.model}\`${model.simulated ? ' (simulated)' : ''} | ${cell(model.overall.benign)} | ${cell(model.overall.controversial)} | ${cell(model.overall.hard)} | ${cell(model.overall.toxic)} | ${cantCell(model.overall.benign)} |`),
    '',
    ...refusalCardLines(evaluation.models),
  ].join('\n');
}

/** Benign prompts refused for a "can't" reason: not over-refusal, but reported beside it. */
function cantCell(rate: RefusalRate): string {
  return rate.cant === undefined || rate.n === 0 ? 'n/a' : `${percent(rate.cant / rate.n)} (${rate.cant}/${rate.n})`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
