import { describe, expect, it } from 'vitest';
import { PLAIN_PROMPTS } from './fixtures.ts';
import { simulatorWithClient } from './helpers.ts';
import { measureRewrites, refusalRate, xstestSafePrompts } from './measure-shares.ts';

describe('simulated roles behave like a realistic pipeline', () => {
  it('writes varied rewrites with a few near-duplicates and a few harmful ones, on which the judges sometimes split', async () => {
    const { client } = await simulatorWithClient();
    const figures = await measureRewrites(client);
    expect(figures.rewrites).toBe(200);
    expect(figures.nearDuplicateShare).toBeGreaterThan(0.02);
    expect(figures.nearDuplicateShare).toBeLessThan(0.12);
    expect(figures.harmfulMajorityShare).toBeGreaterThan(0.05);
    expect(figures.harmfulMajorityShare).toBeLessThan(0.2);
    expect(figures.splitVoteShare).toBeGreaterThan(0.07);
    expect(figures.splitVoteShare).toBeLessThan(0.25);
    // No fixed tail or opening: wording varies about as much as machine-written datasets.
    expect(figures.distinct2).toBeGreaterThan(0.52);
    expect(figures.selfBleu).toBeLessThan(0.56);
  });

  it('refuses prompts with alarming words more than plain ones, the strict target most and the lenient least', async () => {
    const { client } = await simulatorWithClient();
    const alarming = xstestSafePrompts().filter((_, index) => index % 2 === 0);
    const rates = async (model: string) => ({
      plain: await refusalRate(client, { model, prompts: PLAIN_PROMPTS, samples: 3 }),
      alarming: await refusalRate(client, { model, prompts: alarming, samples: 3 }),
    });
    const strict = await rates('sim-target-strict');
    const standard = await rates('sim-target');
    const lenient = await rates('sim-target-lenient');
    for (const target of [strict, standard]) expect(target.alarming).toBeGreaterThan(target.plain + 0.05);
    expect(strict.alarming).toBeGreaterThan(standard.alarming);
    expect(standard.alarming).toBeGreaterThan(lenient.alarming);
    expect(strict.plain).toBeLessThan(0.15);
  });
});
