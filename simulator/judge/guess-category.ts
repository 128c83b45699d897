import { CATEGORIES, type Category } from '../../pipeline/schemas/category.ts';
import { CATEGORY_VOCABULARY } from '../generator/category-vocabulary.ts';

/** A category name as given in a prompt tag, or null when it is not one of the ten. */
export function readCategory(value: string | null): Category | null {
  const name = value?.trim().toLowerCase();
  return CATEGORIES.find((category) => category === name) ?? null;
}

/** The category whose keywords occur most often in the text; null when none occurs. */
export function guessCategory(text: string): Category | null {
  const lower = text.toLowerCase();
  let best: Category | null = null;
  let bestHits = 0;
  for (const category of CATEGORIES) {
    const hits = CATEGORY_VOCABULARY[category].keywords.filter((keyword) => lower.includes(keyword)).length;
    if (hits > bestHits) {
      best = category;
      bestHits = hits;
    }
  }
  return best;
}
