import { describe, expect, it } from 'vitest';
import { measureDiversity } from '../../pipeline/diversity/measure-diversity.ts';

describe('measureDiversity', () => {
  it('counts distinct unigrams and bigrams over normalised words', () => {
    const { overall } = measureDiversity([{ prompt: 'A b, c!' }, { prompt: 'a B d' }]);
    expect(overall.count).toBe(2);
    expect(overall.distinct1).toBeCloseTo(4 / 6, 12); // a b c a b d
    expect(overall.distinct2).toBeCloseTo(3 / 4, 12); // "a b" twice, "b c", "b d"
  });

  it('scores identical prompts Self-BLEU 1 and unrelated ones near 0 (smoothed)', () => {
    expect(measureDiversity([{ prompt: 'x y z w v' }, { prompt: 'X y z w v.' }]).overall.selfBleu).toBeCloseTo(1, 12);
    const unrelated = measureDiversity([{ prompt: 'a b c d' }, { prompt: 'e f g h' }]).overall;
    // No matches at any order: precisions 0.1/4, 0.1/3, 0.1/2, 0.1/1; equal lengths, no brevity penalty.
    expect(unrelated.selfBleu).toBeCloseTo(Math.pow((0.1 / 4) * (0.1 / 3) * (0.1 / 2) * (0.1 / 1), 1 / 4), 12);
    expect(unrelated.selfBleuSample).toBe(2);
  });

  it('measures the share of prompts opening with the same five words as another', () => {
    const { overall } = measureDiversity([
      { prompt: 'How do I kill a Python process?' },
      { prompt: 'how do i kill a mosquito' },
      { prompt: 'What is love?' },
    ]);
    expect(overall.sharedOpeningShare).toBeCloseTo(2 / 3, 12);
  });

  it('reports each category on its own and samples Self-BLEU hypotheses with a fixed seed', () => {
    const items = Array.from({ length: 40 }, (_, index) => ({
      prompt: `prompt number ${index} about topic ${index % 7}`,
      category: index % 2 === 0 ? 'violence' : 'privacy',
    }));
    const first = measureDiversity(items, { maxSelfBleuHypotheses: 10 });
    const second = measureDiversity(items, { maxSelfBleuHypotheses: 10 });
    expect(Object.keys(first.byCategory)).toEqual(['privacy', 'violence']);
    expect(first.byCategory.violence.count).toBe(20);
    expect(first.overall.selfBleuSample).toBe(10);
    expect(second.overall.selfBleu).toBe(first.overall.selfBleu);
  });
});
