import { mix32, seededRandom } from '../../pipeline/dedupe/minhash.ts';

/**
 * A deterministic synthetic prompt corpus for dedupe benchmarks: requests sharing
 * openers, verbs, subjects, purposes and closing lines (so unrelated prompts share
 * wording, as generated datasets do) around words drawn from real prompts, and a share of
 * paraphrase-like variants of earlier prompts (word swaps, insertions, deletions,
 * substitutions, punctuation changes, an appended fixed tail). Prompt i is a pure
 * function of (seed, i), so corpora stream without being held in memory.
 */

const SUBJECTS = ['a python process', 'my old laptop', 'the garden weeds', 'a stuck jar lid', 'the school play', 'a chess opponent', 'my fantasy novel villain', 'the kitchen knife', 'a rusty lock', 'the bathroom mould', 'my sourdough starter', 'a zombie in my game', 'the noisy neighbours party', 'a job interview', 'the final exam', 'my presentation', 'the wasp nest', 'a wine bottle', 'the car battery', 'a spreadsheet macro'];
const VERBS = ['kill', 'destroy', 'attack', 'crush', 'shoot', 'eliminate', 'poison', 'break into', 'blow up', 'hack', 'wipe out', 'beat', 'smash', 'strangle', 'terminate', 'execute', 'steal from', 'sabotage', 'burn', 'choke'];
const PURPOSES = ['for a history essay', 'for my biology class', 'in a video game', 'as a safety precaution', 'for a crime novel I am writing', 'for a school project', 'without hurting anyone', 'in a legal way', 'before the guests arrive', 'as quickly as possible', 'for a cooking competition', 'in a tabletop campaign'];
const OPENERS = ['How do I', 'What is the best way to', 'Can you explain how to', 'Where can I learn to', 'What tools do I need to', 'Is it possible to', 'Tell me how I could', 'What steps should I follow to', 'Why is it hard to', 'Help me figure out how to'];
const CLOSERS = ['', '', 'Please be specific.', 'I am a beginner.', 'My teacher suggested asking.', 'Keep it short.', 'It is for a class assignment.', 'I want to do this safely.'];
const FILLERS = ['really', 'actually', 'just', 'please', 'quickly', 'safely', 'honestly', 'exactly', 'also', 'maybe'];
const TAIL = ' Explain the reasoning step by step.';
const SYLLABLES = ['ka', 'ren', 'tol', 'mi', 'sar', 'bel', 'ost', 'qui', 'dan', 'vor', 'el', 'pha', 'lin', 'gor', 'te', 'stra', 'nu', 'wex', 'cal', 'dro'];

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)];
}

/** A rare word, so the vocabulary is open-ended like real prompts (names, places, products). */
function rareWord(random: () => number): string {
  const count = 2 + Math.floor(random() * 3);
  let word = '';
  for (let k = 0; k < count; k++) word += pick(SYLLABLES, random);
  return word;
}

function basePrompt(options: { seed: number; index: number; vocabulary: string[] }): string {
  const random = seededRandom(mix32(options.seed ^ Math.imul(options.index, 0x9e3779b1)));
  const words = [pick(OPENERS, random), pick(VERBS, random)];
  if (random() < 0.3) words.push(pick(SUBJECTS, random));
  const count = 4 + Math.floor(random() * 12);
  for (let k = 0; k < count; k++) words.push(random() < 0.05 ? rareWord(random) : pick(options.vocabulary, random));
  if (random() < 0.3) words.push(pick(PURPOSES, random));
  let text = words.join(' ') + '?';
  const closer = pick(CLOSERS, random);
  if (closer) text += ` ${closer}`;
  return text;
}

function mutate(text: string, random: () => number): string {
  const words = text.split(' ');
  const edits = 1 + Math.floor(random() * 3);
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(random() * words.length);
    const kind = random();
    if (kind < 0.2 && at + 1 < words.length) [words[at], words[at + 1]] = [words[at + 1], words[at]];
    else if (kind < 0.4) words.splice(at, 0, pick(FILLERS, random));
    else if (kind < 0.55 && words.length > 6) words.splice(at, 1);
    else if (kind < 0.75) words[at] = random() < 0.5 ? pick(VERBS, random) : rareWord(random);
    else if (kind < 0.9) words[at] = words[at].toUpperCase() + (random() < 0.5 ? ',' : '');
    else words.push(TAIL.trim());
  }
  return words.join(' ');
}

export interface SyntheticCorpusOptions {
  seed: number;
  /** Words the free part of each prompt is drawn from (see loadVocabulary). */
  vocabulary: string[];
  /** Share of prompts that are edited copies of an earlier prompt. */
  variantShare: number;
}

export function syntheticPrompt(options: SyntheticCorpusOptions & { index: number }): { id: string; prompt: string } {
  const random = seededRandom(mix32(options.seed + 0x51ed27 + Math.imul(options.index, 0x85ebca6b)));
  const id = `q${mix32(options.index ^ options.seed).toString(16).padStart(8, '0')}-${options.index}`;
  if (options.index > 0 && random() < options.variantShare) {
    // Mostly recent originals, like a generator repeating itself within a run.
    const span = random() < 0.7 ? Math.min(options.index, 2000) : options.index;
    const source = options.index - 1 - Math.floor(random() * span);
    return { id, prompt: mutate(basePrompt({ seed: options.seed, index: source, vocabulary: options.vocabulary }), random) };
  }
  return { id, prompt: basePrompt({ seed: options.seed, index: options.index, vocabulary: options.vocabulary }) };
}

export function* syntheticCorpus(options: SyntheticCorpusOptions & { count: number; start?: number }) {
  for (let index = options.start ?? 0; index < (options.start ?? 0) + options.count; index++) {
    yield syntheticPrompt({ ...options, index });
  }
}
