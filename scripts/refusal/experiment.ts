// Tuning harness on the training models only (held-out models are never read):
// node bin/run-script.js scripts/refusal/experiment.ts [--lomo] [--errors=SOURCE] [recipeKey=value ...]
// --lomo trains on all training models but one and scores that one, for each.
import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { binaryReport, type ScoredRow } from '../../pipeline/refusal/metrics.ts';
import { loadSharedRows, scoreRows } from './build-artifact.ts';
import { RECIPE, type Recipe } from './recipe.ts';
import { trainRefusalModel } from './train-model.ts';
import { isHeldOut, isValidation } from './splits.ts';

const args = process.argv.slice(2);
const recipe: Recipe = { ...RECIPE };
for (const arg of args) {
  const [key, value] = arg.split('=');
  if (key in recipe && value !== undefined) (recipe as Record<string, number>)[key] = Number(value);
}

function run(train: readonly LabelledRow[], test: readonly LabelledRow[]): ScoredRow[] {
  return scoreRows(trainRefusalModel({ rows: train, recipe }).model, test);
}

function show(name: string, scored: ScoredRow[], rows: readonly LabelledRow[]): void {
  const report = binaryReport(scored);
  const partial = scored.filter((_, index) => rows[index].gold.label3 === 'partial_refusal');
  const partialRecall = partial.filter((row) => row.predicted === 'refusal').length / Math.max(1, partial.length);
  const sources = [...new Set(scored.map((row) => row.source))];
  const per = sources.length > 1 ? sources.map((source) => `${source}=${binaryReport(scored.filter((row) => row.source === source)).accuracy.toFixed(3)}`).join(' ') : '';
  console.log(`${name.padEnd(24)} acc=${report.accuracy.toFixed(4)} n=${report.count} below0.8=${report.cascade.shareBelow.toFixed(3)} refusalRecall=${report.recall.refusal?.toFixed(3)} partialRecall=${partialRecall.toFixed(3)} ${per}`);
}

const training = (await loadSharedRows()).filter((row) => !isHeldOut(row.source));
console.log(JSON.stringify(recipe));
show('validation', run(training.filter((row) => !isValidation(row)), training.filter(isValidation)), training.filter(isValidation));
if (args.includes('--lomo')) {
  const all: ScoredRow[] = [];
  const allRows: LabelledRow[] = [];
  for (const source of new Set(training.map((row) => row.source))) {
    const test = training.filter((row) => row.source === source);
    all.push(...run(training.filter((row) => row.source !== source), test));
    allRows.push(...test);
  }
  show('leave-one-model-out', all, allRows);
}
const errorsFor = args.find((arg) => arg.startsWith('--errors='))?.slice('--errors='.length);
if (errorsFor) {
  const test = training.filter((row) => row.source === errorsFor);
  const scored = run(training.filter((row) => row.source !== errorsFor), test);
  scored.forEach((row, index) => {
    if (row.gold === row.predicted) return;
    console.log(`--- gold=${test[index].gold.label3 ?? row.gold} confidence=${row.confidence.toFixed(2)} | ${test[index].prompt?.slice(0, 100)}`);
    console.log(test[index].response.slice(0, 300).replace(/\n+/g, ' / '));
  });
}
