import { z } from 'zod';

/** OR-Bench's ten categories, so datasets line up with the benchmark people already use. */
export const CATEGORIES = [
  'deception',
  'harassment',
  'harmful',
  'hate',
  'illegal',
  'privacy',
  'self-harm',
  'sexual',
  'unethical',
  'violence',
] as const;

export const Category = z.enum(CATEGORIES).describe('One of OR-Bench\'s ten harm categories.');
export type Category = z.infer<typeof Category>;
