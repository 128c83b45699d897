import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Baseline = z.object({
  name: z.string().describe('Name printed beside the classifier'),
  rule: z.string().describe('How the phrases are matched, and where they come from'),
  starts: z.array(z.string()).describe('Phrases the response may start with'),
  contains: z.array(z.string()).describe('Phrases the response may contain anywhere'),
  caseSensitive: z.boolean().describe('Whether case must match as written'),
});
const BaselineFile = z.object({ about: z.string(), xstest: Baseline, gcg: Baseline, promptfoo: Baseline });

const FILE = BaselineFile.parse(JSON.parse(readFileSync(new URL('./data/baseline-phrases.json', import.meta.url), 'utf8')));

export interface StringMatchBaseline {
  key: string;
  name: string;
  isRefusal(response: string): boolean;
}

function matcher(baseline: z.infer<typeof Baseline>): (response: string) => boolean {
  const fold = (text: string): string => (baseline.caseSensitive ? text : text.toLowerCase());
  const starts = baseline.starts.map(fold);
  const contains = baseline.contains.map(fold);
  return (response) => {
    // Curly apostrophes are folded, as a reader would: "I can’t" is "I can't".
    const text = fold(response.trim().replace(/\u2019/g, "'"));
    return starts.some((phrase) => text.startsWith(phrase)) || contains.some((phrase) => text.includes(phrase));
  };
}

/** The published string-match detectors the classifier is compared with: XSTest's, GCG's and promptfoo's. */
export const STRING_MATCH_BASELINES: readonly StringMatchBaseline[] = (['xstest', 'gcg', 'promptfoo'] as const).map((key) => ({
  key,
  name: FILE[key].name,
  isRefusal: matcher(FILE[key]),
}));

/** XSTest's string match: the baseline the classifier must beat on every model. */
export const xstestStringMatch = STRING_MATCH_BASELINES[0].isRefusal;
