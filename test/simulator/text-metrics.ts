import { normalisePrompt } from '../../pipeline/text/normalise.ts';

const tokens = (text: string): string[] => normalisePrompt(text).split(' ').filter(Boolean);

function ngrams(words: readonly string[], size: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + size <= words.length; index++) {
    const gram = words.slice(index, index + size).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Distinct bigrams over all bigrams: higher means more varied wording. */
export function distinct2(texts: readonly string[]): number {
  const all = texts.flatMap((text) => [...ngrams(tokens(text), 2)].flatMap(([gram, count]) => Array<string>(count).fill(gram)));
  return all.length === 0 ? 0 : new Set(all).size / all.length;
}

/** Mean BLEU-4 of each text against all the others: lower means more varied prompts. */
export function selfBleu(texts: readonly string[]): number {
  const split = texts.map(tokens);
  const grams = split.map((words) => [1, 2, 3, 4].map((size) => ngrams(words, size)));
  let total = 0;
  split.forEach((words, index) => {
    let logPrecision = 0;
    for (let size = 1; size <= 4; size++) {
      const own = grams[index][size - 1];
      let matched = 0;
      let count = 0;
      for (const [gram, occurrences] of own) {
        let best = 0;
        for (let other = 0; other < split.length && best < occurrences; other++) {
          if (other !== index) best = Math.max(best, grams[other][size - 1].get(gram) ?? 0);
        }
        matched += Math.min(best, occurrences);
        count += occurrences;
      }
      logPrecision += Math.log(count === 0 ? 1 : Math.max(matched, 0.1) / count) / 4;
    }
    const lengths = split.filter((_, other) => other !== index).map((other) => other.length);
    const closest = lengths.reduce((best, length) => (Math.abs(length - words.length) < Math.abs(best - words.length) ? length : best), lengths[0] ?? words.length);
    const brevity = words.length >= closest ? 1 : Math.exp(1 - closest / Math.max(words.length, 1));
    total += brevity * Math.exp(logPrecision);
  });
  return total / split.length;
}
