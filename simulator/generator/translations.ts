import type { Category } from '../../pipeline/schemas/category.ts';
import { hashParts } from '../random.ts';
import { languageBank } from './language-rewrites.ts';

/** The numbered English prompts of a translation request ("1. How do I ..."), in order. */
export function readNumberedPrompts(text: string): { number: number; prompt: string }[] {
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\.\s+(.*\S)\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ number: Number(match[1]), prompt: match[2]! }));
}

/**
 * The simulator's translation of English prompts into another language: each source becomes a
 * sentence of that language's phrase bank (a frame, a topic of the seed's category, a detail),
 * chosen by a hash of the source and the language, so the same prompt always translates alike
 * and each source gets its own line, numbered as asked. It reads no English: the translation
 * keeps the category, not the meaning, which shows the pipeline translating, not a translator.
 */
export function simulateTranslations(options: { language: string; category: Category; prompts: { number: number; prompt: string }[] }): { number: number; prompt: string }[] {
  const bank = languageBank(options.language);
  const topics = bank.topics[options.category];
  return options.prompts.map(({ number, prompt }) => {
    const hash = hashParts('translate', options.language, prompt);
    const frame = bank.frames[hash % bank.frames.length]!;
    const topic = topics[(hash >>> 8) % topics.length]!;
    const detail = bank.details[(hash >>> 16) % bank.details.length]!;
    return { number, prompt: frame.text.replace('{topic}', topic).replace('{detail}', detail) };
  });
}
