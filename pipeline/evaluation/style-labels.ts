import { REFUSAL_STYLES, type RefusalStyle } from '../refusal/refusal-cue-data.ts';
import type { ModelEvaluation } from './evaluation-result.ts';

/** Column headings of the styles, as the card and the report write them. */
export const STYLE_LABELS: Record<RefusalStyle, string> = {
  direct_refusal: 'direct refusal',
  apology: 'apology',
  explanation: 'explanation',
  deflection: 'deflection',
  acknowledgment: 'acknowledgment',
  boundary_setting: 'boundary setting',
  emotional_awareness: 'emotional awareness',
};

export { REFUSAL_STYLES };

/** Models whose eval.json entry has the style, reason and consistency figures (older entries do not). */
export function withRefusalFigures(models: readonly ModelEvaluation[]): Array<ModelEvaluation & Required<Pick<ModelEvaluation, 'refusal_mix' | 'consistency'>>> {
  return models.filter((model): model is ModelEvaluation & Required<Pick<ModelEvaluation, 'refusal_mix' | 'consistency'>> => model.refusal_mix !== undefined && model.consistency !== undefined);
}
