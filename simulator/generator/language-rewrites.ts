import type { Category } from '../../pipeline/schemas/category.ts';
import type { Random } from '../random.ts';
import { loadSimulatorData } from '../simulator-data.ts';
import type { SimulatedRewrite } from './rewrites.ts';

const banks = loadSimulatorData('languages');
const FALLBACK = 'de';

/** The languages the simulator has a phrase bank for; any other is written from the German bank, as a stand-in. */
export function simulatedLanguages(): string[] {
  return Object.keys(banks);
}

/** The phrase bank of a language (its primary subtag: "pt-BR" -> "pt"). */
export function languageBank(language: string) {
  return banks[language] ?? banks[language.split('-')[0]!.toLowerCase()] ?? banks[FALLBACK]!;
}

/**
 * `count` rewrites written in another language from a small phrase bank per language: a frame
 * filled with a topic of the seed's category and a detail. The bank is small (a few frames and
 * topics), so it shows the pipeline handling languages, not a generator's range in them.
 */
export function simulateLanguageRewrites(options: { language: string; category: Category; count: number; random: Random }): SimulatedRewrite[] {
  const { random } = options;
  const bank = languageBank(options.language);
  const topics = bank.topics[options.category];
  const rewrites: SimulatedRewrite[] = [];
  const frames = random.sample(bank.frames, bank.frames.length);
  for (let index = 0; index < options.count; index++) {
    const frame = frames[index % frames.length]!;
    const prompt = frame.text.replace('{topic}', random.pick(topics)).replace('{detail}', random.pick(bank.details));
    rewrites.push({ prompt, pattern: frame.pattern, kind: 'benign' });
  }
  return rewrites;
}
