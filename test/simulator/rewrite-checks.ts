import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Checks a reader would make of a simulated rewrite, written apart from the simulator:
 * does it name its seed's topic, and is it a well-formed English request? The lists of
 * synonyms and evasion phrases are the simulator's published data files.
 */

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../simulator/data');
const readData = (name: string) => JSON.parse(readFileSync(path.join(dataDir, `${name}.json`), 'utf8'));

const SYNONYMS: Record<string, string[]> = readData('phrases').topicSynonyms;
const EVASION: RegExp[] = (readData('cues').intent as { pattern: string }[]).map((cue) => new RegExp(`\\b${cue.pattern}\\w*`, 'gi'));
export const HARMFUL_PATTERNS: ReadonlySet<string> = new Set((readData('harmful-frames').frames as { pattern: string }[]).map((frame) => frame.pattern));
const WORDPLAY = new Set(['homonym', 'figurative language', 'safe target']);

const STOP = new Set("a an the to of for and or in on at with into from about by as so that which who while until without their them they it its his her my your our one oneself one's someone someone's somebody person people other others own up out off every each".split(' '));

const stem = (word: string) => word.toLowerCase().replace(/'s$/, '').replace(/(?:ing|ed|es|s|e)$/, '').replace(/([b-df-hj-np-tv-z])\1$/, '$1');
const words = (text: string) => text.toLowerCase().split(/[^a-z0-9'-]+/).map((word) => word.replace(/^'+|'+$/g, '')).filter((word) => word.length > 1 && !STOP.has(word));

/** The seed's topic words: the content words of its concept, less any evasion wording ("without getting caught"). */
export function topicWords(concept: string): string[] {
  let text = concept;
  for (const pattern of EVASION) text = text.replace(pattern, ' ');
  return words(text);
}

/**
 * On topic: the rewrite carries the concept's first content word and at least 60% of its
 * content words, each as itself (any inflection) or as a listed synonym. A wordplay
 * rewrite (homonym, figurative language, safe target) instead carries the seed's own
 * alarming word in its harmless sense ("kill a hung process" for a seed about killing).
 */
export function isOnTopic(options: { prompt: string; concept: string; pattern: string | null }): boolean {
  const present = new Set(words(options.prompt).map(stem));
  const lower = options.prompt.toLowerCase();
  if (options.pattern !== null && WORDPLAY.has(options.pattern)) {
    const mine = options.prompt.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 3).map(stem);
    const seed = options.concept.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 3 && !STOP.has(word)).map(stem);
    return mine.some((a) => seed.some((b) => a === b || (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)))));
  }
  const topic = topicWords(options.concept);
  if (topic.length === 0) return true;
  const carried = (word: string) => present.has(stem(word)) || (SYNONYMS[word] ?? []).some((synonym) => new RegExp(`\\b${synonym}\\b`, 'i').test(lower));
  const covered = topic.filter(carried);
  return carried(topic[0]) && covered.length >= Math.ceil(0.6 * topic.length);
}

const VOWEL_SOUND = /^(?:[aei]|o(?!ne)|u(?!ni|s[aeiou]|r[aeiou]|ro|tili)|hour|honest|heir|[AEFHILMNORSX][A-Z0-9]*\b)/;
const PLURAL_AFTER_ARTICLE = /^[a-z]+[a-rtv-z]s$/;
const ALLOWED_AFTER_ARTICLE = new Set(['series', 'news', 'lens', 'bus', 'gas', 'chaos', 'thesis', 'canvas', 'ethics', 'customs', 'politics', 'physics', 'maths', 'records']);
// Stranded prepositions ("what do they look at?") are English; a closing article or conjunction is not.
const DANGLING_END = /\b(?:a|an|the|of|and|or|my|your|their)[.?!]$/i;

/** A small grammar check: the faults that made earlier simulated rewrites read as broken. Returns what is wrong, or null. */
export function grammarFault(prompt: string): string | null {
  if (/[{}[\]|]/.test(prompt)) return 'unfilled template syntax';
  if (/\s{2,}|\s[,.?!:;]|[,:;][.?!]|[.?!]{2}|,,/.test(prompt)) return 'spacing or punctuation';
  if (!/^["'A-Z0-9]/.test(prompt)) return 'does not start with a capital';
  if (!/[.?!]$/.test(prompt)) return 'no closing punctuation';
  for (const sentence of prompt.split(/(?<=[.?!])\s+/)) if (!/^["'A-Z0-9]/.test(sentence)) return `sentence without a capital: "${sentence.slice(0, 30)}"`;
  if (/\bi\b/.test(prompt)) return 'lower-case "i"';
  const tokens = prompt.split(/\s+/);
  for (let index = 0; index + 1 < tokens.length; index++) {
    const [word, next] = [tokens[index].toLowerCase(), tokens[index + 1].replace(/^["'(]/, '')];
    if (word === next.toLowerCase().replace(/[,.?!:;]$/, '') && /^[a-z]+$/.test(word)) return `doubled word "${word}"`;
    if (word === 'a' && VOWEL_SOUND.test(next)) return `"a ${next}"`;
    if (word === 'an' && !VOWEL_SOUND.test(next)) return `"an ${next}"`;
    const bare = next.replace(/[,.?!:;]$/, '');
    if ((word === 'a' || word === 'an') && PLURAL_AFTER_ARTICLE.test(bare) && !ALLOWED_AFTER_ARTICLE.has(bare)) return `article before a plural: "${word} ${bare}"`;
  }
  if (DANGLING_END.test(prompt)) return 'ends on a function word';
  return null;
}

interface Row {
  prompt: string;
  pattern: string | null;
  label: string;
  category: string;
  seed: { concept: string; category: string };
}

/** Figures over a dataset folder's three configs: what the README and the report quote. */
export function measureDataset(dir: string) {
  const read = (name: string): Row[] => readFileSync(path.join(dir, 'data', `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
  const all = read('all');
  const toxic = read('toxic');
  const rows = [...all, ...toxic];
  const onTopic = rows.filter((row) => isOnTopic({ prompt: row.prompt, concept: row.seed.concept, pattern: row.pattern }));
  const grammatical = rows.filter((row) => grammarFault(row.prompt) === null);
  return {
    rows: rows.length,
    onTopicShare: onTopic.length / rows.length,
    grammaticalShare: grammatical.length / rows.length,
    bothShare: rows.filter((row) => onTopic.includes(row) && grammatical.includes(row)).length / rows.length,
    builtHarmfulInAll: all.filter((row) => row.pattern !== null && HARMFUL_PATTERNS.has(row.pattern)).length,
    builtBenignInToxic: toxic.filter((row) => row.pattern === null || !HARMFUL_PATTERNS.has(row.pattern)).length,
    categoryNotSeeds: rows.filter((row) => row.category !== row.seed.category).length,
    offTopic: rows.filter((row) => !onTopic.includes(row)).map((row) => `${row.pattern}: ${row.prompt}`),
    ungrammatical: rows.filter((row) => !grammatical.includes(row)).map((row) => `${grammarFault(row.prompt)}: ${row.prompt}`),
  };
}

// node bin/run-script.js test/simulator/rewrite-checks.ts output/scarecrow-sim
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { offTopic, ungrammatical, ...figures } = measureDataset(process.argv[2] ?? 'output/scarecrow-sim');
  console.log(figures);
  if (process.argv.includes('--list')) console.log({ offTopic, ungrammatical });
}
