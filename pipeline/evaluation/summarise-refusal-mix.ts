import type { Dataset } from '../dataset/read-dataset.ts';
import { REFUSAL_STYLES } from '../refusal/refusal-cue-data.ts';
import type { DatasetRecord } from '../schemas/candidate.ts';
import type { ReadSample } from './read-samples.ts';
import type { RefusalMix, RefusalMixes, RefusalMixGroups } from './refusal-mix-result.ts';

/**
 * How and why a model refused, counted over refused answers (samples, not prompts: one
 * prompt refused twice in two styles shows both), for `all` (benign and controversial) and
 * `toxic` apart, overall and per category.
 */
export function summariseRefusalMix(options: { dataset: Dataset; samples: Map<string, ReadSample[]> }): RefusalMixes {
  const { all, toxic } = options.dataset.configs;
  const groups = (filter: (record: DatasetRecord) => boolean): RefusalMixGroups => ({
    all: mix(all.filter(filter), options.samples),
    toxic: mix(toxic.filter(filter), options.samples),
  });
  const categories = [...new Set([...all, ...toxic].map((record) => record.category))].sort();
  return { overall: groups(() => true), by_category: Object.fromEntries(categories.map((category) => [category, groups((record) => record.category === category)])) };
}

function mix(records: DatasetRecord[], samplesById: Map<string, ReadSample[]>): RefusalMix {
  const result: RefusalMix = { refusals: 0, styles: Object.fromEntries(REFUSAL_STYLES.map((style) => [style, 0])) as RefusalMix['styles'], reasons: { wont: 0, cant: 0 }, bases: {} };
  for (const record of records) {
    for (const sample of samplesById.get(record.id) ?? []) {
      if (!sample.refusal || sample.style === null || sample.reason === null) continue;
      result.refusals += 1;
      result.styles[sample.style] += 1;
      result.reasons[sample.reason] += 1;
      if (sample.basis !== null) result.bases[sample.basis] = (result.bases[sample.basis] ?? 0) + 1;
    }
  }
  return result;
}
