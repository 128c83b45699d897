import type { Category } from '../../pipeline/schemas/category.ts';
import { INTENT_CUES, matchCues } from '../lexicon.ts';
import type { Random } from '../random.ts';
import * as words from './category-vocabulary.ts';
import { composeBenign, composeHarmful } from './compose.ts';
import { parseConcept } from './concept.ts';
import { FULL_FRAMES, HARMFUL_FRAMES, TERSE_FRAMES, WORDPLAY_PATTERNS } from './frames.ts';
import { nearDuplicate } from './near-duplicate.ts';
import type { Slots } from './template.ts';
import { topicVariants } from './topic-variants.ts';

export type RewriteKind = 'benign' | 'harmful' | 'near-duplicate';

export interface SimulatedRewrite {
  readonly prompt: string;
  readonly pattern: string;
  /** What the rewrite really is; not sent over the wire, used to measure the simulator. */
  readonly kind: RewriteKind;
}

/** Shares chosen so the dedupe stage and the judges have realistic amounts of work. */
const NEAR_DUPLICATE_SHARE = 0.08;
const HARMFUL_SHARE = 0.11;
/** Share of benign rewrites written tersely, when the pattern has terse frames. */
const TERSE_SHARE = 0.8;
/** Draws of a benign rewrite before settling; a draw is rejected when it reads as a request for operational help. */
const BENIGN_DRAWS = 6;

/** Wordplay needs the seed's own alarming word; without one those patterns would be off the seed's topic. */
function patternWeight(pattern: string, hasStem: boolean): number {
  if (WORDPLAY_PATTERNS.has(pattern)) return hasStem ? 1.6 : 0;
  // Few public figures and frames: used often, it would be the most repeated opening of the set.
  if (pattern === 'public figure') return 0.35;
  return 1;
}

/** Patterns in a weighted random order without repeats, so one call spreads over many patterns. */
function patternOrder(options: { hasStem: boolean; random: Random }): string[] {
  const pool = Object.keys(FULL_FRAMES)
    .map((pattern) => ({ pattern, weight: patternWeight(pattern, options.hasStem) }))
    .filter((item) => item.weight > 0)
    .map((item) => ({ pattern: item.pattern, key: Math.pow(options.random.next(), 1 / item.weight) }));
  return pool.sort((a, b) => b.key - a.key).map((item) => item.pattern);
}

function slotsFor(options: { concept: string; category: Category; random: Random; benign: boolean }): Slots {
  const parts = parseConcept(options.concept);
  const vocabulary = words.CATEGORY_VOCABULARY[options.category];
  const stem = parts.stem;
  return {
    // Real rewrites do not repeat the concept word for word every time.
    topic: topicVariants(parts, options.random, { benign: options.benign }),
    homonym: stem?.homonyms ?? [],
    figurative: stem?.figurative ?? [],
    safeTarget: stem?.safeTargets ?? [],
    profession: vocabulary.professions,
    game: words.GAMES,
    gameName: words.GAME_NAMES,
    genre: words.GENRES,
    form: words.FORMS,
    place: words.PLACES,
    relative: words.RELATIVES,
    audience: words.AUDIENCES,
    course: words.COURSES,
    figure: words.PUBLIC_FIGURES,
  };
}

const readsOperational = (prompt: string): boolean => matchCues(prompt, INTENT_CUES).length > 0;

/** `count` rewrites of one seed concept: mostly benign-but-scary, a few harmful, a few near-duplicates of benign ones. */
export function simulateRewrites(options: { concept: string; category: Category; count: number; random: Random }): SimulatedRewrite[] {
  const { random, count, category } = options;
  const benignSlots = slotsFor({ concept: options.concept, category, random, benign: true });
  const harmfulSlots = slotsFor({ concept: options.concept, category, random, benign: false });
  const hasStem = parseConcept(options.concept).stem !== null;
  const rewrites: SimulatedRewrite[] = [];
  const usedTemplates = new Set<string>();
  let order: string[] = [];
  for (let index = 0; index < count; index++) {
    const benignSoFar = rewrites.filter((rewrite) => rewrite.kind === 'benign');
    if (benignSoFar.length > 0 && random.chance(NEAR_DUPLICATE_SHARE)) {
      const original = random.pick(benignSoFar);
      rewrites.push({ prompt: nearDuplicate(original.prompt, random), pattern: original.pattern, kind: 'near-duplicate' });
      continue;
    }
    if (random.chance(HARMFUL_SHARE)) {
      const template = random.pick(HARMFUL_FRAMES);
      rewrites.push({ prompt: composeHarmful({ template, slots: harmfulSlots, random }), pattern: template.pattern, kind: 'harmful' });
      continue;
    }
    if (order.length === 0) order = patternOrder({ hasStem, random });
    const pattern = order.shift() as string;
    let prompt = '';
    for (let draw = 0; draw < BENIGN_DRAWS && (draw === 0 || readsOperational(prompt)); draw++) {
      const terse = TERSE_FRAMES[pattern] !== undefined && random.chance(TERSE_SHARE);
      const bank = terse ? TERSE_FRAMES[pattern] : FULL_FRAMES[pattern];
      const fresh = bank.filter((item) => !usedTemplates.has(item.text));
      const template = random.pick(fresh.length > 0 ? fresh : bank);
      usedTemplates.add(template.text);
      // One place and one relative per prompt, so a prompt never names two countries.
      const slots = { ...benignSlots, place: random.pick(words.PLACES), relative: random.pick(words.RELATIVES) };
      prompt = composeBenign({ template, slots, random, terse });
    }
    rewrites.push({ prompt, pattern, kind: 'benign' });
  }
  return rewrites;
}
