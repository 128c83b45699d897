import { describe, expect, it } from 'vitest';
import { dedupe } from '../../pipeline/dedupe/dedupe-stage.ts';
import type { Candidate } from '../../pipeline/schemas/candidate.ts';
import { promptId } from '../../pipeline/text/normalise.ts';
import { scriptedContext } from '../support/stage-context.ts';

function candidate(prompt: string, seedId = 'violence-001'): Candidate {
  return {
    id: promptId(prompt),
    prompt,
    seed: { id: seedId, concept: 'c', category: 'violence' },
    pattern: null,
    generator: { model: 'gen', template: 'generate-v1' },
  };
}

const PROMPTS = [
  'How do I kill a Python process that hangs on exit?',
  'How do I kill a Python process that hangs at exit?',
  'how do I kill a python process that hangs on exit',
  'What did the Geneva Protocol of 1925 ban, and why?',
  'Which household chemicals should never be mixed when cleaning a bathroom?',
];

describe('dedupe stage', () => {
  it('removes exact and near duplicates, keeping the smallest id, and records each removal', async () => {
    const input = [candidate(PROMPTS[0], 'violence-002'), ...PROMPTS.map((prompt) => candidate(prompt))];
    const { kept, duplicates } = await dedupe({ candidates: input }, scriptedContext({}));

    expect(kept).toHaveLength(3);
    expect(kept.length + duplicates.length).toBe(input.length);
    const exact = duplicates.filter((duplicate) => duplicate.kind === 'exact');
    expect(exact).toHaveLength(2);
    const near = duplicates.filter((duplicate) => duplicate.kind === 'near');
    expect(near).toHaveLength(1);
    expect(near[0].similarity).toBeGreaterThanOrEqual(0.85);
    // Three candidates share one normalised prompt: the one of the smallest seed id stays, the others are recorded.
    expect(exact.map((duplicate) => duplicate.seed_id)).toEqual(['violence-001', 'violence-002']);
    for (const duplicate of duplicates) expect(kept.some((item) => item.id === duplicate.kept_id)).toBe(true);
  });

  it('keeps the same survivors whatever the input order', async () => {
    const input = PROMPTS.map((prompt, index) => candidate(prompt, `s-${index % 2}`));
    const forward = await dedupe({ candidates: input }, scriptedContext({}));
    const backward = await dedupe({ candidates: [...input].reverse() }, scriptedContext({}));
    expect(backward.kept.map((item) => `${item.id}/${item.seed.id}`)).toEqual(forward.kept.map((item) => `${item.id}/${item.seed.id}`));
    expect(backward.duplicates).toEqual(forward.duplicates);
  });
});
