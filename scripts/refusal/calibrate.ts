import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import type { RefusalModel } from '../../pipeline/refusal/model.ts';
import { responseLogits } from '../../pipeline/refusal/predict.ts';

/**
 * The temperature (on a 0.01 grid) that minimises the log loss of the refusal logit on
 * `rows`: divides the logit so that "0.9" means right about nine times in ten.
 */
export function fitTemperature(options: { rows: readonly LabelledRow[]; model: RefusalModel }): number {
  const { rows, model } = options;
  const scored = rows
    .filter((row) => row.response.trim() !== '')
    .map((row) => ({ logit: responseLogits(model, row.response)[0], sign: row.gold.label === 'refusal' ? 1 : -1 }));
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (let step = 25; step <= 500; step += 1) {
    const temperature = step / 100;
    let loss = 0;
    for (const { logit, sign } of scored) loss += Math.log1p(Math.exp((-sign * logit) / temperature));
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      best = temperature;
    }
  }
  return best;
}
