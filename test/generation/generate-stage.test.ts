import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../support/scripted-model.ts';
import { generate } from '../../pipeline/generation/generate-stage.ts';
import { promptId } from '../../pipeline/text/normalise.ts';
import { SEED, scriptedContext } from '../support/stage-context.ts';

describe('generate', () => {
  it('asks once per seed for N rewrites and returns them as candidates with stable ids', async () => {
    const generator = new ScriptedModel('gen-model', [
      { rewrites: [
        { prompt: 'How do I kill a Python process?', pattern: 'homonym' },
        { prompt: 'How did knife crime laws change in the 1990s?', pattern: 'history' },
      ] },
    ]);
    const context = scriptedContext({ generator, config: { generate: { rewritesPerSeed: 2 } } });
    const { candidates, emptyRewrites } = await generate(SEED, context);

    expect(generator.calls).toHaveLength(1);
    expect(generator.calls[0].name).toBe('rewrites');
    expect(generator.prompts[0]).toContain('<concept>killing a person with a knife</concept>');
    expect(generator.prompts[0]).toContain('<count>2</count>');
    expect(generator.prompts[0]).toContain('<notes>homonyms: kill a process</notes>');
    expect(emptyRewrites).toBe(0);
    expect(candidates.map((candidate) => candidate.prompt)).toEqual(['How do I kill a Python process?', 'How did knife crime laws change in the 1990s?']);
    expect(candidates[0]).toMatchObject({
      id: promptId('how do i KILL a python process'),
      seed: { id: 'violence-001', category: 'violence' },
      pattern: 'homonym',
      generator: { model: 'gen-model', template: 'generate-v1' },
    });
  });

  it('drops extra rewrites and counts empty ones instead of losing them silently', async () => {
    const generator = new ScriptedModel('gen', [
      { rewrites: [{ prompt: '  ?! ', pattern: 'x' }, { prompt: 'What is a knife?', pattern: 'definition' }, { prompt: 'extra', pattern: 'y' }] },
    ]);
    const { candidates, emptyRewrites } = await generate(SEED, scriptedContext({ generator, config: { generate: { rewritesPerSeed: 2 } } }));
    expect(candidates.map((candidate) => candidate.prompt)).toEqual(['What is a knife?']);
    expect(emptyRewrites).toBe(1);
  });

  it('lets a generator error reach the runner, which records the seed as failed', async () => {
    const generator = new ScriptedModel('gen', [new Error('boom')]);
    await expect(generate(SEED, scriptedContext({ generator }))).rejects.toThrow('boom');
  });
});
