// Diversity figures of published over-refusal sets, as a markdown table for the README:
//   node bin/run-script.js scripts/diversity-reference.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { measureDiversity, type DiversityFigures } from '../pipeline/diversity/measure-diversity.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const promptsDirectory = path.resolve(projectRoot, '../shared/data/prompts');

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(promptsDirectory, file), 'utf8'), { columns: true, skip_empty_lines: true });
}

const xstest = readCsv('xstest_prompts.csv').map((row) => ({ prompt: row.prompt, label: row.label }));
const phtest = readCsv('phtest_v0.1.csv').map((row) => ({ prompt: row.Request }));

const rows: [string, DiversityFigures][] = [
  ['XSTest, safe prompts', measureDiversity(xstest.filter((row) => row.label === 'safe')).overall],
  ['XSTest, all prompts', measureDiversity(xstest).overall],
  ['PHTest', measureDiversity(phtest).overall],
];
const format = (value: number): string => value.toFixed(2);
console.log('| set | prompts | distinct-1 | distinct-2 | Self-BLEU (hypotheses) | shared 5-word opening |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, figures] of rows) {
  console.log(
    `| ${name} | ${figures.count} | ${format(figures.distinct1)} | ${format(figures.distinct2)} | ` +
      `${format(figures.selfBleu)} (${figures.selfBleuSample}) | ${format(figures.sharedOpeningShare)} |`,
  );
}
