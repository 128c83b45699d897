import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readsAsEnglish } from '../../pipeline/refusal/language.ts';
import { readAllLabelledRows, type LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { refusalDataFiles } from '../../scripts/refusal/splits.ts';
import { loadSimulatorData } from '../../simulator/simulator-data.ts';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'data', 'short-foreign-answers.json'), 'utf8')) as Record<string, string[] | string>;

describe('the language check on short answers', () => {
  it('reads every short German answer, its own set and the simulator\'s, as not English', () => {
    const german = [...(fixture.de as string[]), ...loadSimulatorData('languages').de!.refusals, ...loadSimulatorData('languages').de!.compliances];
    expect(german.filter((text) => readsAsEnglish(text))).toEqual([]);
  });

  it('reads almost every short answer of the other languages as not English', () => {
    // Measured: fr 10/10, es 9/10, it 5/5, pt 5/5, nl 5/5 ("Prefiero no responder a esa pregunta." holds two English-looking words to one Spanish).
    const languages = Object.entries(fixture).filter(([code]) => code !== 'de' && code !== 'about') as [string, string[]][];
    for (const [code, texts] of languages) expect(texts.filter((text) => !readsAsEnglish(text)).length, code).toBeGreaterThanOrEqual(texts.length - 1);
    for (const bank of Object.values(loadSimulatorData('languages'))) for (const text of [...bank.refusals, ...bank.compliances]) expect(readsAsEnglish(text), text).toBe(false);
  });

  it('does not defer English: of labelled responses it sets aside only those written in French, Japanese or Chinese', async () => {
    // Four of the seven files, to keep the suite quick: 4 of their 4,610 rows (all 14,390: 11, as before the change; scripts/language-check-figures.ts).
    const rows: LabelledRow[] = [];
    for (const file of refusalDataFiles().filter((path) => /xstest|gpt-3\.5/.test(path))) rows.push(...(await readAllLabelledRows(file)));
    const deferred = rows.filter((row) => !readsAsEnglish(row.response));
    expect(rows).toHaveLength(4_610);
    expect(deferred.length).toBeLessThanOrEqual(4);
    for (const row of deferred) expect(row.response.slice(0, 400), row.source).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|\b(la|les|des|une|Voici|Dans)\b/u);
    // English that names places, brands or code still reads as English.
    for (const text of ['Los Angeles, El Paso and San Diego.', 'Samsung and Hyundai both make phones.', 'import os\nos.system("ls")', 'Café au lait is a coffee drink.']) expect(readsAsEnglish(text), text).toBe(true);
  });
});
