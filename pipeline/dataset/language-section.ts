import type { DatasetRecord } from '../schemas/candidate.ts';
import { DEFAULT_LANGUAGE, languageName } from '../schemas/language-code.ts';

export interface LanguageCounts {
  all: number;
  hard: number;
  toxic: number;
}

/** Rows per language and config, languages in the order the config lists them (any others after). */
export function countByLanguage(records: readonly DatasetRecord[], languages: readonly string[]): Record<string, LanguageCounts> {
  const counts: Record<string, LanguageCounts> = Object.fromEntries(languages.map((language) => [language, { all: 0, hard: 0, toxic: 0 }]));
  for (const record of records) {
    const entry = (counts[record.language ?? DEFAULT_LANGUAGE] ??= { all: 0, hard: 0, toxic: 0 });
    if (record.label === 'harmful') entry.toxic += 1;
    else {
      entry.all += 1;
      if (record.hard) entry.hard += 1;
    }
  }
  return counts;
}

/** The card's per-language table; hard share is of the language's `all` rows. */
export function languageCardSection(counts: Record<string, LanguageCounts>, mode: 'native' | 'translate' = 'native'): string {
  const share = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
  return [
    '## Per language',
    '',
    `${mode === 'translate' ? 'The rewrites were written in English, then translated by the generator into each other language (`generate.languageMode: translate`); each translated row names its English source in `translated_from` (id and prompt).' : 'Each language was asked of the generator in that language, not translated from English.'} The embedded refusal classifier reads English only: on a response in another language it defers to the refusal judge when there is one, and the probes count those samples under \`decided_by.judge\`.`,
    '',
    '| language | all | hard | hard share | toxic |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.entries(counts).map(([code, c]) => `| ${languageName(code) ?? code} (\`${code}\`) | ${c.all} | ${c.hard} | ${share(c.hard, c.all)} | ${c.toxic} |`),
  ].join('\n');
}
