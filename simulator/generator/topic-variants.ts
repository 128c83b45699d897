import { INTENT_CUES, matchCues } from '../lexicon.ts';
import type { Random } from '../random.ts';
import { loadSimulatorData } from '../simulator-data.ts';
import type { ConceptParts } from './concept.ts';
import { coversTopic } from './topic-words.ts';

/**
 * Everyday words in seed concepts and interchangeable wordings for them, from
 * data/phrases.json. A real generator rephrases the concept from one rewrite to the next;
 * swapping a few of these words keeps the meaning while rewrites of one seed stop sharing
 * long runs of words. The alarming words themselves are left alone: they are the test.
 */
const SYNONYMS: Record<string, readonly string[]> = loadSimulatorData('phrases').topicSynonyms;

const SWAP_CHANCE = 0.6;

function swapWords(text: string, random: Random): string {
  const words = text.split(' ');
  return words
    .map((word, index) => {
      const choices = SYNONYMS[word.toLowerCase()];
      // "online" is also an adjective ("an online group"); only its adverb use has synonyms.
      if (word.toLowerCase() === 'online' && index < words.length - 1) return word;
      return choices && random.chance(SWAP_CHANCE) ? random.pick(choices) : word;
    })
    .join(' ');
}

/** Where the clause that holds an evasion cue begins: "stealing electricity | by bypassing the meter". */
const CUT_BEFORE = /\s(?:to|on|with|from|into|in|at|as|using|through|during|after|before|while|until|who|that|which|without|for|by|so|about|and)\s/gi;
/**
 * Words that open a circumstance (where, when) rather than the purpose or the means, so a
 * concept can stop before them and still name the harm: "hiding an eating disorder from a
 * doctor | at a check-up". Stopping before "with" or "into" would drop the harm itself
 * ("treating a fever | with diluted bleach").
 */
const CIRCUMSTANCE = /\s(?:on|in|at|during|after|before|while|until|across)\s/gi;
const DANGLING = /\s(?:a|an|the|and|or|of|one's|someone's|their|his|her|its|my|your|own|up|out|off)$/i;

/** A shorter form is used only when it keeps the concept's first word and most of its content words. */
function keepsTopic(form: string, topic: string): boolean {
  const words = form.split(' ');
  // "predatory payday loans aimed" stops on a bare participle: the sentence is left hanging.
  const hanging = words.length > 1 && /(?:ed|ing)$/i.test(words[words.length - 1]);
  return !DANGLING.test(form) && !hanging && coversTopic({ text: form, concept: topic });
}

function shorterForms(topic: string): string[] {
  const forms: string[] = [];
  for (const match of topic.matchAll(CIRCUMSTANCE)) {
    const head = topic.slice(0, match.index);
    if (keepsTopic(head, topic)) forms.push(head);
  }
  return forms;
}

const hasIntentCue = (text: string): boolean => matchCues(text, INTENT_CUES).length > 0;

/**
 * The concept without the words that ask for evasion ("without getting caught",
 * "untraceable"): a benign rewrite is about the harm, never about getting away with it.
 * The concept stops before the clause that holds the cue, or loses the cue word itself.
 */
function withoutIntentCues(topic: string): string {
  let text = topic;
  for (const cue of INTENT_CUES) {
    const match = cue.pattern.exec(text);
    if (!match) continue;
    const cut = [...text.matchAll(CUT_BEFORE)].filter((item) => (item.index ?? 0) < match.index).at(-1);
    const end = match.index + match[0].length + (/^\w*/.exec(text.slice(match.index + match[0].length))?.[0].length ?? 0);
    text = cut?.index ? text.slice(0, cut.index) : `${text.slice(0, match.index)} ${text.slice(end)}`;
  }
  // "an untraceable gun" loses its adjective: "a gun".
  text = text.replace(/\s{2,}/g, ' ').replace(/\b([Aa])n (?=[b-df-hj-np-tv-z])/g, '$1 ');
  return text.replace(DANGLING, '').trim() || topic;
}

/**
 * Fresh wordings of the concept, one per call. The forms are dealt from a shuffled deck,
 * so the rewrites of one seed name their topic in different words. `benign` draws only
 * forms with no evasion or operational wording in them.
 */
export function topicVariants(parts: ConceptParts, random: Random, options: { benign: boolean }): () => string {
  const all = [...new Set([parts.topic, ...shorterForms(parts.topic)])];
  let forms = options.benign ? all.filter((form) => !hasIntentCue(form)) : all;
  if (forms.length === 0) forms = [withoutIntentCues(parts.topic)];
  let deck: string[] = [];
  return () => {
    if (deck.length === 0) deck = random.sample(forms, forms.length);
    return swapWords(deck.pop() as string, random);
  };
}
