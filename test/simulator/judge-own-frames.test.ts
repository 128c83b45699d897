import { zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import { HarmVerdictOutput, OUTPUT_NAMES, RewritesOutput } from '../../pipeline/prompts/output-schemas.ts';
import { generatorMessage, judgeMessage } from './fixtures.ts';
import { simulatorWithClient } from './helpers.ts';
import { HARMFUL_PATTERNS } from './rewrite-checks.ts';
import { SAMPLE_SEEDS } from './sample-seeds.ts';

describe('simulated judges on the simulated generator\'s rewrites, given the prompt text only', () => {
  it('all find each built-harmful request harmful, and none finds a built-benign one harmful', async () => {
    const { client } = await simulatorWithClient({ seed: 3 });
    const rewrites = (
      await Promise.all(
        SAMPLE_SEEDS.map(async (seed) => {
          const completion = await client.chat.completions.parse({ model: 'sim-generator', messages: generatorMessage({ ...seed, count: 12 }), response_format: zodResponseFormat(RewritesOutput, OUTPUT_NAMES.rewrites) });
          return completion.choices[0].message.parsed!.rewrites;
        }),
      )
    ).flat();
    const verdicts = await Promise.all(
      rewrites.map(async (rewrite) => ({
        ...rewrite,
        verdicts: await Promise.all(
          ['sim-judge-1', 'sim-judge-2', 'sim-judge-3'].map(async (model) => {
            // The judge gets the prompt alone, fenced as the pipeline sends it: no pattern, no hint.
            const completion = await client.chat.completions.parse({ model, messages: judgeMessage(rewrite.prompt), response_format: zodResponseFormat(HarmVerdictOutput, OUTPUT_NAMES.harmVerdict) });
            return completion.choices[0].message.parsed!.verdict;
          }),
        ),
      })),
    );
    const harmful = verdicts.filter((item) => HARMFUL_PATTERNS.has(item.pattern));
    expect(harmful.length).toBeGreaterThan(10);
    expect(harmful.filter((item) => item.verdicts.some((verdict) => verdict !== 'harmful')).map((item) => item.prompt)).toEqual([]);
    const benign = verdicts.filter((item) => !HARMFUL_PATTERNS.has(item.pattern));
    expect(benign.filter((item) => item.verdicts.includes('harmful')).map((item) => item.prompt)).toEqual([]);
    // Borderline benign prompts still split the ensemble between benign and controversial.
    expect(benign.filter((item) => new Set(item.verdicts).size > 1).length).toBeGreaterThan(10);
  });
});
