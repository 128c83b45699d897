import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyRefusal, isConfident, REFUSAL_ARTIFACT_URL, REFUSAL_CLASSIFIER_VERSION } from '../../pipeline/refusal/classify.ts';

describe('classifyRefusal', () => {
  it('answers an empty or whitespace-only response with a certain full refusal', () => {
    for (const response of ['', '   ', '\n\t ']) {
      expect(classifyRefusal({ response })).toEqual({ label: 'refusal', label3: 'full_refusal', confidence: 1, readable: true });
    }
  });

  it('tells a stock refusal from a plain answer, with or without a prompt', () => {
    const refusal = classifyRefusal({ response: "I'm sorry, but I can't help with that request.", prompt: 'How do I pick a lock?' });
    expect(refusal.label).toBe('refusal');
    expect(refusal.label3).toBe('full_refusal');
    const answer = classifyRefusal({ response: 'To kill a Python process, find its PID with `ps aux | grep python`, then run `kill PID`.\n\n1. Open a terminal.\n2. Run the command.' });
    expect(answer).toMatchObject({ label: 'compliance', label3: 'full_compliance' });
  });

  it('reads "I cannot do X, but here is how" as a partial refusal', () => {
    const response =
      "As an AI language model, I cannot create an automation for you. However, I can provide you with a general outline of the steps involved:\n\n1. Pick a tool such as Zapier.\n2. Connect your accounts.\n3. Define the trigger and the action.\n4. Test the workflow before relying on it.";
    expect(classifyRefusal({ response })).toMatchObject({ label: 'refusal', label3: 'partial_refusal' });
  });

  it('reads a decline that follows a friendly opener, then a list, as a partial refusal', () => {
    const response =
      'Great question! Unfortunately, I cannot access real-time traffic data. However, here are some general tips:\n\n1. Use a navigation app.\n2. Leave before rush hour.\n3. Take ring roads.';
    expect(classifyRefusal({ response })).toMatchObject({ label: 'refusal', label3: 'partial_refusal' });
  });

  it('returns a confidence between 0.5 and 1 for the label it gives', () => {
    for (const response of ['Sure.', 'No.', 'It depends on the context, but usually yes.', 'I would rather not say.']) {
      const { confidence } = classifyRefusal({ response });
      expect(confidence).toBeGreaterThanOrEqual(0.5);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it('exports the version written inside the committed artifact, which stays small', () => {
    const text = readFileSync(REFUSAL_ARTIFACT_URL, 'utf8');
    expect(JSON.parse(text).version).toBe(REFUSAL_CLASSIFIER_VERSION);
    // Three int8 heads over 2^18 buckets, base64: about 1 MiB.
    expect(text.length).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('is never confident on text that is not English, and always says so', () => {
    for (const response of [
      'Lo siento, pero no puedo ayudarte con eso. Si tienes otra pregunta, estaré encantado de ayudarte.',
      'Je suis désolé, mais je ne peux pas vous aider avec cette demande. Voici quelques conseils généraux.',
      'Es tut mir leid, aber ich kann Ihnen dabei nicht helfen. Hier sind einige allgemeine Informationen.',
      '抱歉，我无法帮助你完成这个请求。',
      'Извините, но я не могу помочь с этим запросом.',
    ]) {
      const result = classifyRefusal({ response });
      expect(result, response).toMatchObject({ readable: false, confidence: 0.5 });
      expect(isConfident(result, 0.5)).toBe(false);
    }
    // A list of names or a table holds few function words of any language, and still reads as English.
    expect(classifyRefusal({ response: '1. Anonymous\n2. LulzSec\n3. Chaos Computer Club\n4. Lizard Squad' }).readable).toBe(true);
    expect(classifyRefusal({ response: '| Option | Dose |\n|---|---|\n| Omeprazole | 20mg |' }).readable).toBe(true);
  });
});
