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
  const words = text.split(' ');
  return words
    .map((word, index) => {
      const choices = SYNONYMS[word.toLowerCase()];
      // "online" is also an adjective ("an online group"); only its adverb use has synonyms.
      if (word === 'online' && index < words.length - 1) return word;
      return choices && random.chance(SWAP_CHANCE) ? random.pick(choices) : word;
    })
    .join(' ');
}

const PREPOSITIONS = /^(?:to|on|with|from|into|in|at|as|after|before|during|for|by|about|through|of)$/i;

const DETERMINERS = new Set(['a', 'an', 'the', "someone's", 'their', 'his', 'her', 'my', 'your', 'our']);

/** "forging a famous artist's signature" becomes "forging a signature": the verb and the object's head noun. */
function reduceObject(shortTopic: string): string | null {
  const words = shortTopic.split(' ');
  if (!words[0]?.endsWith('ing') || words.length < 5) return null;
  const determiner = words.findIndex((word, index) => index > 0 && DETERMINERS.has(word.toLowerCase()));
  if (determiner < 1 || words.length - determiner < 4) return null;
  // "beating up a stranger after a match" must not shrink to "beating up a match".
  if (words.slice(determiner + 1).some((word) => PREPOSITIONS.test(word))) return null;
  return [...words.slice(0, determiner + 1), words[words.length - 1]].join(' ');
}

/** Words after which a concept's head phrase can stop and still name the harm: "picking a lock | to burgle a house". */
const CUT_BEFORE = /\s(?:to|on|with|from|into|in|at|as|using|through|during|after|before|while|until|who|that|which|without|for|by|so|about)\s/gi;
const DANGLING = /\s(?:a|an|the|and|or|of|one's|someone's|their|his|her|its|my|your|own)$/i;

const DETERMINER_WORDS = /^(?:a|an|the|someone's|one's|their)$/i;

/** A head phrase names the harm if it has two content words and does not stop on a dangling word or a bare participle ("a Ponzi scheme disguised"). */
function namesHarm(head: string): boolean {
  const words = head.split(' ');
  const last = words[words.length - 1];
  if (DANGLING.test(head) || (words.length > 1 && /(?:ed|ing)$/i.test(last))) return false;
  // "flying a drone to peer" leaves the purpose half-said.
  if (words[words.length - 2]?.toLowerCase() === 'to') return false;
  return words.filter((word) => !DETERMINER_WORDS.test(word)).length >= 2;
}

/** Every shorter form of the topic that keeps at least three words and ends on a content word. */
function headForms(topic: string): string[] {
  const forms: string[] = [];
  for (const match of topic.matchAll(CUT_BEFORE)) {
    const head = topic.slice(0, match.index);
    if (namesHarm(head)) forms.push(head);
  }
  return forms;
}

/**
 * A fresh wording of the concept each time it is called. The forms are dealt from a
 * shuffled deck, so the rewrites of one seed name their topic in different words rather
 * than all repeating the whole concept.
 */
export function topicVariants(parts: ConceptParts, random: Random): () => string {
  const reduced = reduceObject(parts.shortTopic);
  const forms = [...new Set([parts.topic, ...[parts.shortTopic].filter(namesHarm), ...headForms(parts.topic), ...(reduced ? [reduced] : [])])];
  let deck: string[] = [];
  return () => {
    if (deck.length === 0) deck = random.sample(forms, forms.length);
    return swapWords(deck.pop() as string, random);
  };
}
