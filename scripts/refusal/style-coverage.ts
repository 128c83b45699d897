// How the refusal style and reason cues read the shared data's refusals (gold label: refusal,
// full or partial): per source model, the share with a style other than the default (a cue
// matched), the style mix and the reason mix. A style is a reading of wording, so what this
// checks is coverage and whether models differ, not accuracy: the data has no style labels.
// usage: node bin/run-script.js scripts/refusal/style-coverage.ts
import { readAllLabelledRows } from '../../pipeline/refusal/labelled-rows.ts';
import { REFUSAL_STYLES, STYLE_CUES } from '../../pipeline/refusal/refusal-cue-data.ts';
import { refusalReason } from '../../pipeline/refusal/refusal-reason.ts';
import { refusalStyle } from '../../pipeline/refusal/refusal-style.ts';
import { refusalDataFiles } from './splits.ts';

const percent = (count: number, total: number) => (total === 0 ? 'n/a' : `${((count / total) * 100).toFixed(0)}%`);
const table: string[] = [`| source | refusals | non-default style | ${REFUSAL_STYLES.map((style) => style.replace('_', ' ')).join(' | ')} | can't |`, `| --- | ---: | ---: | ${REFUSAL_STYLES.map(() => '---:').join(' | ')} | ---: |`];
const totals = { refusals: 0, styled: 0, cant: 0, styles: Object.fromEntries(REFUSAL_STYLES.map((style) => [style, 0])) as Record<string, number> };
for (const file of refusalDataFiles()) {
  const rows = (await readAllLabelledRows(file)).filter((row) => row.gold.label === 'refusal');
  const styles = Object.fromEntries(REFUSAL_STYLES.map((style) => [style, 0])) as Record<string, number>;
  let cant = 0;
  for (const row of rows) {
    styles[refusalStyle(row.response)] += 1;
    if (refusalReason(row.response).reason === 'cant') cant += 1;
  }
  const styled = rows.length - styles[STYLE_CUES.default]!;
  totals.refusals += rows.length;
  totals.styled += styled;
  totals.cant += cant;
  for (const style of REFUSAL_STYLES) totals.styles[style]! += styles[style]!;
  table.push(`| \`${rows[0]?.source ?? file}\` | ${rows.length.toLocaleString('en-US')} | ${percent(styled, rows.length)} | ${REFUSAL_STYLES.map((style) => percent(styles[style]!, rows.length)).join(' | ')} | ${percent(cant, rows.length)} |`);
}
table.push(`| all seven | ${totals.refusals.toLocaleString('en-US')} | ${percent(totals.styled, totals.refusals)} | ${REFUSAL_STYLES.map((style) => percent(totals.styles[style]!, totals.refusals)).join(' | ')} | ${percent(totals.cant, totals.refusals)} |`);
console.log(table.join('\n'));
