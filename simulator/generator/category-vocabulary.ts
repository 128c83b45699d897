import type { Category } from '../../pipeline/schemas/category.ts';
import { loadSimulatorData } from '../simulator-data.ts';

/** Words that fill the rewrite templates and tell the judges which category a prompt belongs to; from data/vocabulary.json. */
export interface CategoryVocabulary {
  /** Matched against a prompt to guess its category. */
  readonly keywords: readonly string[];
  readonly professions: readonly string[];
}

const data = loadSimulatorData('vocabulary');

export const CATEGORY_VOCABULARY: Record<Category, CategoryVocabulary> = data.categories as Record<Category, CategoryVocabulary>;

export const GAMES: readonly string[] = data.games;
/** Games without an article, for "our ... group". */
export const GAME_NAMES: readonly string[] = data.games.filter((game) => !/^an? /.test(game));
export const GENRES: readonly string[] = data.genres;
export const FORMS: readonly string[] = data.forms;
export const PLACES: readonly string[] = data.places;
export const RELATIVES: readonly string[] = data.relatives;
export const AUDIENCES: readonly string[] = data.audiences;
export const COURSES: readonly string[] = data.courses;
export const PUBLIC_FIGURES: readonly string[] = data.publicFigures;
