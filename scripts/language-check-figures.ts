// How the refusal classifier's language check reads short non-English answers and English ones:
// node bin/run-script.js scripts/language-check-figures.ts
import { readFileSync } from 'node:fs';
import { readsAsEnglish } from '../pipeline/refusal/language.ts';
import { loadSharedRows } from './refusal/build-artifact.ts';
import { loadSimulatorData } from '../simulator/simulator-data.ts';

const fixture = JSON.parse(readFileSync(new URL('../test/refusal/data/short-foreign-answers.json', import.meta.url), 'utf8')) as Record<string, string[] | string>;
const line = (name: string, texts: readonly string[]) => {
  const caught = texts.filter((text) => !readsAsEnglish(text)).length;
  console.log(`${name.padEnd(34)} ${String(caught).padStart(3)} of ${String(texts.length).padStart(3)} read as not English`);
};

console.log('short answers written for the tests (test/refusal/data/short-foreign-answers.json):');
for (const [code, texts] of Object.entries(fixture)) if (code !== 'about') line(`  ${code}`, texts as string[]);
console.log("the simulator's target answers (simulator/data/languages.json):");
for (const [code, bank] of Object.entries(loadSimulatorData('languages'))) line(`  ${code}`, [...bank.refusals, ...bank.compliances]);

const rows = await loadSharedRows();
const deferred = rows.filter((row) => !readsAsEnglish(row.response));
console.log(`English labelled responses (shared/data/refusal): ${deferred.length} of ${rows.length} read as not English:`);
for (const row of deferred) console.log(`  ${row.source}: ${row.response.slice(0, 90).replace(/\s+/g, ' ')}`);
