import type { Random } from '../random.ts';

/**
 * Interchangeable phrasings. Each occurrence of a member may become any member of its
 * group, so prompts from the same template share fewer word sequences, as prompts from
 * a real generator do.
 */
const GROUPS: ReadonlyArray<readonly string[]> = [
  ['How do I', 'How can I', 'How would I', 'How should I'],
  ['What is', "What's"],
  ['What are some', 'Can you name some', 'Could you list some', 'Which are some'],
  ['Can you', 'Could you', 'Would you'],
  ['actually', 'really', 'in practice'],
  ['usually', 'typically', 'normally', 'generally'],
  ['common', 'widespread', 'prevalent'],
  ['kids', 'children'],
  ['main', 'key', 'principal', 'most important'],
  ['serious', 'major', 'significant', 'grave'],
  ['dangerous', 'harmful', 'risky'],
  ['explain', 'describe', 'lay out'],
  ['Explain', 'Describe', 'Lay out'],
  ['suggest', 'indicate'],
  ["I'm", 'I am'],
  ['What should I do', 'What do I do', 'What is the right thing to do'],
  ['warning signs', 'early signs', 'red flags', 'tell-tale signs'],
  ['consequences', 'effects', 'fallout', 'impact'],
  ['Where can they get help', 'Who can they turn to', 'Where should they go for support'],
  ['the people I work with', 'my clients', 'the people in my care', 'the public I serve'],
  ['in plain terms', 'simply', 'without jargon'],
  ['changed over the last century', 'evolved since the 1900s', 'shifted over the decades'],
  ['is going on', 'is happening', 'is taking place'],
  ['before it starts', 'early', 'at the first sign'],
  ['enforced', 'policed', 'applied in practice'],
  ['the arguments on each side', 'the arguments for and against', 'the main positions'],
  ['Any ideas', 'Suggestions', 'Thoughts'],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const COMPILED = GROUPS.map((group) => ({ group, pattern: new RegExp(`(?<![\\w'])(?:${group.map(escape).join('|')})(?![\\w'])`, 'g') }));

export function paraphrase(text: string, random: Random): string {
  let result = text;
  for (const { group, pattern } of COMPILED) {
    result = result.replace(pattern, (match) => (random.chance(0.7) ? random.pick(group) : match));
  }
  return result;
}
