import type { Category } from '../../pipeline/schemas/category.ts';
import type { Random } from '../random.ts';
import { loadSimulatorData } from '../simulator-data.ts';
import { nearDuplicate } from './near-duplicate.ts';

const data = loadSimulatorData('concepts');

/**
 * `count` new seed concepts of a category, as a generator asked for seed expansion writes them:
 * an act of the category on an object, sometimes in a setting, distinct within the answer. A few
 * are an example reworded, as real generators repeat what they are shown, so the expansion's
 * dedupe against the existing seeds has work; across calls the phrase bank repeats itself too.
 */
export function simulateConcepts(options: { category: Category; examples: string[]; count: number; random: Random }): string[] {
  const { random, examples } = options;
  const bank = data.categories[options.category];
  const written = new Set<string>();
  const concepts: string[] = [];
  for (let attempt = 0; concepts.length < options.count && attempt < options.count * 4; attempt++) {
    const concept =
      examples.length > 0 && random.chance(data.nearDuplicateShare)
        ? nearDuplicate(random.pick(examples), random)
        : `${random.pick(bank.acts).replace('{object}', random.pick(bank.objects))}${random.pick(data.settings)}`;
    if (written.has(concept)) continue;
    written.add(concept);
    concepts.push(concept);
  }
  return concepts;
}
