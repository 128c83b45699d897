import type { Dataset } from '../dataset/read-dataset.ts';
import { countByLanguage } from '../dataset/language-section.ts';
import { languageName } from '../schemas/language-code.ts';
import { barChart } from './svg/bar-chart.ts';
import { escapeXml, percent } from './svg/escape.ts';

/** Rows and hard rate per language; empty for a dataset in one language, whose report stays as it was. */
export function languageSection(dataset: Dataset): string {
  const configured = (dataset.manifest.config as { generate?: { languages?: string[] } } | undefined)?.generate?.languages ?? [];
  const counts = countByLanguage([...dataset.configs.all, ...dataset.configs.toxic], configured);
  const languages = Object.entries(counts).filter(([, c]) => c.all + c.toxic > 0);
  if (languages.length < 2) return '';
  const label = (code: string) => `${languageName(code) ?? code} (${code})`;
  const rows = languages
    .map(([code, c]) => `<tr><td>${escapeXml(label(code))}</td><td class="num">${c.all}</td><td class="num">${c.hard}</td><td class="num">${escapeXml(c.all === 0 ? '-' : percent(c.hard / c.all))}</td><td class="num">${c.toxic}</td></tr>`)
    .join('');
  const chart = barChart({
    id: 'language-hard-chart',
    title: 'Hard rate per language: hard prompts of the benign and controversial ones',
    max: 1,
    format: (value) => percent(value),
    bars: languages.map(([code, c], index) => ({ label: label(code), value: c.all === 0 ? 0 : c.hard / c.all, series: index, note: `${c.hard} hard of ${c.all}` })),
  });
  return `<section id="languages"><h2>Per language</h2><table><thead><tr><th>language</th><th>all</th><th>hard</th><th>hard rate</th><th>toxic</th></tr></thead><tbody>${rows}</tbody></table>${chart}</section>`;
}
