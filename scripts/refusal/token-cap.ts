// How much a target's answer can be cut before refusal detection suffers: leave-one-model-out
// accuracy and cascade figures when each response is cut at 64, 128, 256 and 512 tokens, and
// the completion tokens the cap saves on the shared data.
// usage: node bin/run-script.js scripts/refusal/token-cap.ts [--threshold=0.9]
// Tokens are counted as four characters each, the rule of thumb for English and what the
// simulator bills; a real tokenizer cuts within a few percent of the same place.
import { binaryReport } from '../../pipeline/refusal/metrics.ts';
import { loadSharedRows, transferReport } from './build-artifact.ts';
import { leaveOneModelOut } from './leave-one-model-out.ts';
import { RECIPE } from './recipe.ts';

const CHARS_PER_TOKEN = 4;
const threshold = Number(process.argv.find((arg) => arg.startsWith('--threshold='))?.slice('--threshold='.length) ?? 0.9);
const rows = await loadSharedRows();
const folds = leaveOneModelOut({ rows, recipe: RECIPE });
const tokens = (text: string): number => Math.ceil(text.length / CHARS_PER_TOKEN);
const fullTokens = rows.reduce((sum, row) => sum + tokens(row.response), 0) / rows.length;

console.log(`cap      accuracy  worst model (accuracy)            deferred  confident accuracy  tokens/response  saved`);
for (const cap of [64, 128, 256, 512, null]) {
  const cut = cap === null ? undefined : (response: string) => response.slice(0, cap * CHARS_PER_TOKEN);
  const report = transferReport({ folds, rows, recipe: RECIPE, threshold, cut });
  const [worst, worstReport] = Object.entries(report.sources).sort((left, right) => left[1].accuracy - right[1].accuracy)[0];
  const capped = cap === null ? fullTokens : rows.reduce((sum, row) => sum + Math.min(cap, tokens(row.response)), 0) / rows.length;
  const overall = binaryReport(report.scored, { threshold });
  console.log(
    [
      String(cap ?? 'none').padEnd(7),
      overall.accuracy.toFixed(3).padStart(8),
      `  ${`${worst} (${worstReport.accuracy.toFixed(3)})`.padEnd(34)}`,
      overall.cascade.shareBelow.toFixed(3).padStart(8),
      (overall.cascade.accuracyAbove ?? 0).toFixed(3).padStart(19),
      capped.toFixed(0).padStart(16),
      `${((1 - capped / fullTokens) * 100).toFixed(0)}%`.padStart(6),
    ].join(''),
  );
}
