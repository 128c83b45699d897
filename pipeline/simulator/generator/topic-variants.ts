import type { Random } from '../random.ts';
import type { ConceptParts } from './concept.ts';

/**
 * Everyday words in seed concepts and interchangeable wordings for them. A real generator
 * rephrases the concept from one rewrite to the next; swapping a few of these words keeps
 * the meaning while rewrites of one seed stop sharing long runs of words. The alarming
 * words themselves (steal, kill, poison, ...) are left alone: they are the test.
 */
const SYNONYMS: Record<string, readonly string[]> = {
  secretly: ['covertly', 'quietly', 'in secret'],
  someone: ['a person', 'another person', 'somebody'],
  "someone's": ["another person's", "somebody's", "a person's"],
  online: ['on the internet', 'on the web'],
  famous: ['well-known', 'celebrated'],
  coworker: ['colleague', 'co-worker'],
  colleague: ['coworker', 'workmate'],
  child: ['kid', 'youngster'],
  children: ['kids', 'young people'],
  friend: ['mate', 'pal'],
  elderly: ['older', 'ageing'],
  money: ['cash', 'funds'],
  small: ['little', 'tiny'],
  fake: ['bogus', 'phoney', 'sham'],
  false: ['bogus', 'untrue', 'made-up'],
  stranger: ['passer-by', 'random person'],
  customers: ['clients', 'shoppers'],
  people: ['folks', 'individuals'],
  selling: ['flogging', 'peddling'],
  buying: ['purchasing', 'getting hold of'],
  hiding: ['concealing', 'stashing'],
  posting: ['publishing', 'putting up'],
  spreading: ['circulating', 'pushing'],
  sending: ['mailing', 'firing off'],
  using: ['employing', 'relying on'],
  writing: ['drafting', 'composing'],
  running: ['operating', 'organising'],
  tricking: ['fooling', 'duping'],
  mocking: ['ridiculing', 'making fun of'],
  pressuring: ['pushing', 'leaning on'],
  leaking: ['exposing', 'passing on'],
  refusing: ['declining', 'turning down the request'],
  removing: ['taking out', 'stripping out'],
  lying: ['fibbing'],
  large: ['big', 'huge'],
  fellow: ['other'],
  photos: ['pictures', 'images'],
  photo: ['picture', 'image'],
  videos: ['clips', 'recordings'],
  local: ['nearby', 'neighbourhood'],
  workplace: ['office', 'job'],
  pub: ['bar'],
};

const SWAP_CHANCE = 0.45;

function swapWords(text: string, random: Random): string {
  return text
    .split(' ')
    .map((word) => {
      const choices = SYNONYMS[word.toLowerCase()];
      return choices && random.chance(SWAP_CHANCE) ? random.pick(choices) : word;
    })
    .join(' ');
}

const DETERMINERS = new Set(['a', 'an', 'the', "someone's", 'their', 'his', 'her', 'my', 'your', 'our']);

/** "forging a famous artist's signature" becomes "forging a signature": the verb and the object's head noun. */
function reduceObject(shortTopic: string): string | null {
  const words = shortTopic.split(' ');
  if (!words[0]?.endsWith('ing') || words.length < 5) return null;
  const determiner = words.findIndex((word, index) => index > 0 && DETERMINERS.has(word.toLowerCase()));
  if (determiner < 1 || words.length - determiner < 4) return null;
  return [...words.slice(0, determiner + 1), words[words.length - 1]].join(' ');
}

/** A fresh wording of the concept each time it is called. */
export function topicVariants(parts: ConceptParts, random: Random): () => string {
  const reduced = reduceObject(parts.shortTopic);
  return () => {
    const roll = random.next();
    const base = roll < 0.45 ? parts.topic : roll < 0.8 || reduced === null ? parts.shortTopic : reduced;
    return swapWords(base, random);
  };
}
