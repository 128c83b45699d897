// Tuning harness, leave-one-model-out over the shared data:
// node bin/run-script.js scripts/refusal/experiment.ts [--threshold=0.9] [--errors=SOURCE] [recipeKey=value ...]
// Prints, per held-out model, the classifier beside XSTest's string match, and the cascade at the threshold.
import { STRING_MATCH_BASELINES } from '../../pipeline/refusal/baselines.ts';
import { binaryReport } from '../../pipeline/refusal/metrics.ts';
import { loadSharedRows, transferReport } from './build-artifact.ts';
import { leaveOneModelOut } from './leave-one-model-out.ts';
import { RECIPE, type Recipe } from './recipe.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Fold } from './leave-one-model-out.ts';

/** --cache=DIR keeps the folds' refusal heads between runs that change only the trust settings. */
function cachedFolds(): Fold[] {
  const directory = args.find((arg) => arg.startsWith('--cache='))?.slice('--cache='.length);
  if (!directory) return leaveOneModelOut({ rows, recipe });
  const { trustEpochs, trustLearningRate, trustL2, ...heads } = recipe;
  const file = `${directory}/folds-${createHash('sha256').update(JSON.stringify(heads)).digest('hex').slice(0, 12)}.bin`;
  if (existsSync(file)) {
    const stored = deserialize(readFileSync(file)) as { source: string; model: Fold['model']; vocabulary: number[]; logits: number[] }[];
    return stored.map(({ source, model, vocabulary, logits }) => {
      const fold = rows.filter((row) => row.source === source && row.response.trim() !== '');
      return { source, model: { ...model, space: { ...model.space, vocabulary: new Set(vocabulary) } }, scores: fold.map((row, index) => ({ row, logit: logits[index] })) };
    });
  }
  const folds = leaveOneModelOut({ rows, recipe });
  writeFileSync(file, serialize(folds.map((fold) => ({ source: fold.source, model: { ...fold.model, space: { ...fold.model.space, vocabulary: null } }, vocabulary: [...(fold.model.space.vocabulary ?? [])], logits: fold.scores.map((score) => score.logit) }))));
  return folds;
}

const args = process.argv.slice(2);
const recipe: Recipe = { ...RECIPE };
for (const arg of args) {
  const [key, value] = arg.split('=');
  if (key in recipe && value !== undefined) (recipe as Record<string, number>)[key] = Number(value);
}
const threshold = Number(args.find((arg) => arg.startsWith('--threshold='))?.slice('--threshold='.length) ?? 0.9);

const rows = await loadSharedRows();
const folds = cachedFolds();
const report = transferReport({ folds, rows, recipe, threshold });
console.log(JSON.stringify(recipe));
const line = (name: string, figures: ReturnType<typeof binaryReport>, baseline: number): string =>
  `${name.padEnd(26)} n=${String(figures.count).padStart(5)} acc=${figures.accuracy.toFixed(3)} xstest-sm=${baseline.toFixed(3)} deferred=${figures.cascade.shareBelow.toFixed(3)} confidentAcc=${figures.cascade.accuracyAbove?.toFixed(3)} recall=${figures.recall.refusal?.toFixed(3)}`;
const stringMatch = STRING_MATCH_BASELINES[0].isRefusal;
const baselineOf = (source: string | null): number => {
  const chosen = rows.filter((row) => source === null || row.source === source);
  return chosen.filter((row) => stringMatch(row.response) === (row.gold.label === 'refusal')).length / chosen.length;
};
for (const [source, figures] of Object.entries(report.sources)) console.log(line(source, figures, baselineOf(source)));
console.log(line('pooled', report.overall, baselineOf(null)));
console.log('reliability (pooled):', report.overall.reliability.map((bucket) => `${bucket.from}-${bucket.to}: ${bucket.count} at ${bucket.accuracy?.toFixed(3)}`).join('; '));

const dump = args.find((arg) => arg.startsWith('--dump='))?.slice('--dump='.length);
if (dump) {
  const ordered = folds.flatMap((fold) => rows.filter((row) => row.source === fold.source));
  writeFileSync(dump, JSON.stringify(report.scored.map((scored, index) => ({ ...scored, gold3: ordered[index].gold.label3 ?? null, response: ordered[index].response.slice(0, 600), prompt: ordered[index].prompt?.slice(0, 200) ?? null }))));
}
