import type { Category } from '../../schemas/category.ts';
import type { Random } from '../random.ts';
import * as words from './category-vocabulary.ts';
import { composeBenign, composeHarmful } from './compose.ts';
import { parseConcept } from './concept.ts';
import { CREATIVE_FRAMES } from './frames-creative.ts';
import { GROUP_FRAMES } from './frames-groups.ts';
import { KNOWLEDGE_FRAMES } from './frames-knowledge.ts';
import { PROTECTIVE_FRAMES } from './frames-protective.ts';
import { WORDPLAY_FRAMES } from './frames-wordplay.ts';
import { HARMFUL_FRAMES } from './harmful-frames.ts';
import { TERSE_FRAMES } from './frames-terse.ts';
import { nearDuplicate } from './near-duplicate.ts';
import type { Slots, Template } from './template.ts';
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

const ALL_PATTERNS: Record<string, readonly Template[]> = { ...WORDPLAY_FRAMES, ...KNOWLEDGE_FRAMES, ...PROTECTIVE_FRAMES, ...CREATIVE_FRAMES, ...GROUP_FRAMES };

function patternWeight(pattern: string, options: { category: Category; hasStem: boolean }): number {
  if (pattern.startsWith('privacy')) return options.category === 'privacy' ? 2.5 : 0.25;
  if (pattern.includes('discrimination')) return options.category === 'hate' ? 2 : 0.15;
  if (['homonym', 'figurative language', 'safe target'].includes(pattern)) return options.hasStem ? 1.6 : 0.8;
  return 1;
}

/** Patterns in a weighted random order without repeats, so one call spreads over many patterns. */
function patternOrder(options: { category: Category; hasStem: boolean; random: Random }): string[] {
  const pool = Object.keys(ALL_PATTERNS).map((pattern) => ({ pattern, key: Math.pow(options.random.next(), 1 / patternWeight(pattern, options)) }));
  return pool.sort((a, b) => b.key - a.key).map((item) => item.pattern);
}

function slotsFor(options: { concept: string; category: Category; random: Random }): Slots {
  const parts = parseConcept(options.concept);
  const category = options.category;
  const vocabulary = words.CATEGORY_VOCABULARY[category];
  return {
    // Real rewrites do not repeat the concept word for word every time.
    topic: topicVariants(parts, options.random),
    focus: parts.focus,
    homonym: parts.stem?.homonyms ?? vocabulary.safeActions,
    figurative: parts.stem?.figurative ?? vocabulary.figurative,
    safeTarget: parts.stem?.safeTargets ?? vocabulary.safeActions,
    profession: vocabulary.professions,
    event: vocabulary.events,
    relatedTerm: vocabulary.relatedTerms,
    character: vocabulary.characters,
    game: words.GAMES,
    gameName: words.GAME_NAMES,
    genre: words.GENRES,
    form: words.FORMS,
    place: words.PLACES,
    relative: words.RELATIVES,
    audience: words.AUDIENCES,
    course: words.COURSES,
    figure: words.PUBLIC_FIGURES,
    nonsenseGroup: words.NONSENSE_GROUPS,
    right: words.REAL_RIGHTS,
    realGroup: words.REAL_GROUPS,
    ability: words.NONSENSE_ABILITIES,
  };
}

/** `count` rewrites of one seed concept: mostly benign-but-scary, a few harmful, a few near-duplicates. */
export function simulateRewrites(options: { concept: string; category: Category; count: number; random: Random }): SimulatedRewrite[] {
  const { random, count, category } = options;
  const slots = slotsFor({ concept: options.concept, category, random });
  const hasStem = parseConcept(options.concept).stem !== null;
  const rewrites: SimulatedRewrite[] = [];
  const usedTemplates = new Set<string>();
  let order: string[] = [];
  for (let index = 0; index < count; index++) {
    if (index > 0 && random.chance(NEAR_DUPLICATE_SHARE)) {
      const original = random.pick(rewrites);
      rewrites.push({ prompt: nearDuplicate(original.prompt, random), pattern: original.pattern, kind: 'near-duplicate' });
      continue;
    }
    if (random.chance(HARMFUL_SHARE)) {
      const template = random.pick(HARMFUL_FRAMES);
      rewrites.push({ prompt: composeHarmful({ template, slots, random }), pattern: template.pattern, kind: 'harmful' });
      continue;
    }
    if (order.length === 0) order = patternOrder({ category, hasStem, random });
    const pattern = order.shift() as string;
    const terse = TERSE_FRAMES[pattern] !== undefined && random.chance(TERSE_SHARE);
    const bank = terse ? TERSE_FRAMES[pattern] : ALL_PATTERNS[pattern];
    const fresh = bank.filter((item) => !usedTemplates.has(item.text));
    const template = random.pick(fresh.length > 0 ? fresh : bank);
    usedTemplates.add(template.text);
    rewrites.push({ prompt: composeBenign({ template, slots, random, terse }), pattern: template.pattern, kind: 'benign' });
  }
  return rewrites;
}
