import type { DiversityFigures } from '../diversity/measure-diversity.ts';

export interface DatasetDiversity {
  /** Which prompts were measured. */
  set: 'all';
  overall: DiversityFigures;
  byCategory: Record<string, DiversityFigures>;
}

const fixed = (value: number) => value.toFixed(3);

/** The card's diversity table, so a reader sees at a glance whether the prompts repeat themselves. */
export function diversityCardSection(diversity: DatasetDiversity): string {
  const row = (name: string, figures: DiversityFigures) =>
    `| ${name} | ${figures.count} | ${fixed(figures.distinct1)} | ${fixed(figures.distinct2)} | ${fixed(figures.selfBleu)}${figures.selfBleuSample < figures.count ? ` (sample ${figures.selfBleuSample})` : ''} | ${fixed(figures.sharedOpeningShare)} |`;
  return [
    '## Diversity',
    '',
    `Measured on the \`${diversity.set}\` config over normalised words. distinct-n: unique n-grams / all n-grams (higher is more varied). Self-BLEU: mean BLEU-4 of each prompt against all others (lower is more varied). Shared opening: share of prompts whose first five words open another prompt too. For comparison, by the same code: XSTest's safe prompts and PHTest are in scarecrow's README.`,
    '',
    '| prompts | n | distinct-1 | distinct-2 | Self-BLEU | shared opening |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('all', diversity.overall),
    ...Object.entries(diversity.byCategory).map(([category, figures]) => row(category, figures)),
  ].join('\n');
}
