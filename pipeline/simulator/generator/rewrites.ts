import type { Category } from '../../schemas/category.ts';
import type { Random } from '../random.ts';
import * as words from './category-vocabulary.ts';
import { parseConcept } from './concept.ts';
import { nearDuplicate } from './near-duplicate.ts';
import { paraphrase } from './paraphrase.ts';
import { fillTemplate, type Slots, type Template } from './template.ts';
import { CONTEXT_TEMPLATES } from './templates-context.ts';
import { CLOSERS, HARMFUL_TEMPLATES, OPENERS } from './templates-harmful.ts';
import { XSTEST_TEMPLATES } from './templates-xstest.ts';

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

const ALL_PATTERNS: Record<string, readonly Template[]> = { ...XSTEST_TEMPLATES, ...CONTEXT_TEMPLATES };

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

function slotsFor(concept: string, category: Category): Slots {
  const parts = parseConcept(concept);
  const vocabulary = words.CATEGORY_VOCABULARY[category];
  return {
    // Real rewrites do not repeat the concept word for word every time.
    topic: parts.shortTopic === parts.topic ? parts.topic : [parts.topic, parts.topic, parts.shortTopic],
    focus: parts.focus,
    homonym: parts.stem?.homonyms ?? vocabulary.safeActions,
    figurative: parts.stem?.figurative ?? vocabulary.figurative,
    safeTarget: parts.stem?.safeTargets ?? vocabulary.safeActions,
    profession: vocabulary.professions,
    event: vocabulary.events,
    relatedTerm: vocabulary.relatedTerms,
    character: vocabulary.characters,
    game: words.GAMES,
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

function decorate(prompt: string, options: { slots: Slots; random: Random }): string {
  const { random, slots } = options;
  let result = prompt;
  if (random.chance(0.28)) result = `${fillTemplate({ text: random.pick(OPENERS), slots, random })} ${result}`;
  if (random.chance(0.25)) result = `${result} ${fillTemplate({ text: random.pick(CLOSERS), slots, random })}`;
  // Some people type in lower case and skip the question mark.
  if (random.chance(0.07)) result = result.toLowerCase().replace(/\?$/, '');
  return result;
}

/** `count` rewrites of one seed concept: mostly benign-but-scary, a few harmful, a few near-duplicates. */
export function simulateRewrites(options: { concept: string; category: Category; count: number; random: Random }): SimulatedRewrite[] {
  const { random, count, category } = options;
  const slots = slotsFor(options.concept, category);
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
    const harmful = random.chance(HARMFUL_SHARE);
    let template: Template;
    if (harmful) {
      template = random.pick(HARMFUL_TEMPLATES);
    } else {
      if (order.length === 0) order = patternOrder({ category, hasStem, random });
      const pattern = order.shift() as string;
      const fresh = ALL_PATTERNS[pattern].filter((item) => !usedTemplates.has(item.text));
      template = random.pick(fresh.length > 0 ? fresh : ALL_PATTERNS[pattern]);
    }
    usedTemplates.add(template.text);
    const prompt = decorate(paraphrase(fillTemplate({ text: template.text, slots, random }), random), { slots, random });
    rewrites.push({ prompt, pattern: template.pattern, kind: harmful ? 'harmful' : 'benign' });
  }
  return rewrites;
}
