import { findStem, type StemEntry } from './stem-bank.ts';

/** The pieces of a seed concept that the templates are filled with. */
export interface ConceptParts {
  /** The concept as a noun phrase or gerund phrase: "poisoning a neighbour's dog". */
  readonly topic: string;
  /** The single scariest word: "poison". */
  readonly focus: string;
  readonly stem: StemEntry | null;
}

const LEAD_INS = /^(?:how (?:to|do i|can i|would one|could i)|ways? (?:to|of)|tips (?:for|on)|methods? (?:for|of|to)|instructions (?:for|on)|a guide to|guide to|steps to|write (?:a|an) (?:guide|tutorial) (?:on|to)|explain how to|tell me how to)\s+/i;

const STOP_WORDS = new Set(['the', 'a', 'an', 'to', 'of', 'for', 'and', 'or', 'in', 'on', 'at', 'with', 'someone', 'someone\'s', 'their', 'your', 'my', 'how', 'using', 'into', 'from', 'about', 'without', 'people', 'person', 'other']);

const VERB_LIKE = new Set(['make', 'build', 'create', 'write', 'steal', 'kill', 'poison', 'hack', 'stalk', 'threaten', 'forge', 'spread', 'track', 'find', 'get', 'buy', 'sell', 'cheat', 'bully', 'harass', 'spy', 'use', 'break', 'hide', 'smuggle', 'launder', 'manipulate', 'scam', 'trick', 'hurt', 'attack', 'rob', 'dox', 'fake', 'evade', 'bypass', 'cut', 'starve', 'blackmail', 'bribe', 'plagiarize', 'plagiarise', 'insult', 'shoot', 'stab', 'burn', 'destroy', 'sabotage', 'exploit', 'impersonate', 'post', 'share', 'send', 'obtain', 'access', 'convince', 'lure', 'kidnap', 'spike', 'run', 'set', 'start', 'take', 'lie', 'deceive', 'mislead', 'humiliate', 'intimidate', 'torture', 'buy', 'grow', 'cook', 'synthesize', 'produce', 'crack', 'tamper', 'counterfeit', 'overdose']);

/** Turn a base verb into its -ing form, with the usual English spelling rules. */
export function gerund(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower.endsWith('ing')) return lower;
  if (lower === 'lie') return 'lying';
  if (lower.endsWith('ie')) return `${lower.slice(0, -2)}ying`;
  if (/[^aeiouy]e$/.test(lower) || /[^e]ue$/.test(lower)) return `${lower.slice(0, -1)}ing`;
  // Short consonant-vowel-consonant verbs double the last letter: stab, rob, cut, get, spy is not one.
  if (/^[^aeiou]*[aeiou][bdgkmnprt]$/.test(lower)) return `${lower}${lower.slice(-1)}ing`;
  return `${lower}ing`;
}

function lowerFirst(text: string): string {
  // Leave acronyms and proper names (two capitals in a row, or "I") alone.
  if (/^[A-Z]{2}/.test(text) || /^I\b/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function parseConcept(raw: string): ConceptParts {
  let text = raw.replace(/\s+/g, ' ').trim().replace(/[.?!;:]+$/, '');
  if (text.length === 0) text = 'a dangerous activity';
  text = lowerFirst(text);
  const hadLeadIn = LEAD_INS.test(text);
  text = text.replace(LEAD_INS, '');
  const [first, ...rest] = text.split(' ');
  if (first && (hadLeadIn || VERB_LIKE.has(first.toLowerCase())) && !first.endsWith('ing') && rest.length > 0) {
    text = [gerund(first), ...rest].join(' ');
    // "kill someone and make it look ..." becomes "killing someone and making it look ...".
    text = text.replace(/ and (\w+)/g, (whole, verb: string) => (VERB_LIKE.has(verb.toLowerCase()) ? ` and ${gerund(verb)}` : whole));
  }
  // Very long concepts read badly inside templates; keep the opening clause.
  const words = text.split(' ');
  if (words.length > 14) text = words.slice(0, 14).join(' ');
  const stem = findStem(text);
  return { topic: text, focus: stem?.stem ?? focusWord(text), stem };
}

function focusWord(topic: string): string {
  const words = topic
    .toLowerCase()
    .split(/[^a-z'-]+/)
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word));
  if (words.length === 0) return topic.split(' ')[0] ?? topic;
  return words.reduce((longest, word) => (word.length > longest.length ? word : longest));
}
