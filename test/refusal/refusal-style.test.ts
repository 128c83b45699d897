import { describe, expect, it } from 'vitest';
import { classifyRefusal } from '../../pipeline/refusal/classify.ts';
import { REFUSAL_STYLES } from '../../pipeline/refusal/refusal-cue-data.ts';
import { refusalReason } from '../../pipeline/refusal/refusal-reason.ts';
import { refusalStyle } from '../../pipeline/refusal/refusal-style.ts';
import { CANT_REFUSALS, MISSED_REFUSALS, WONT_REFUSALS } from '../../simulator/target/texts.ts';

describe('refusal style and reason', () => {
  it.each([
    ["I can't help with that.", 'direct_refusal'],
    ["I'm sorry, but I can't help with that.", 'apology'],
    ['I cannot give you this, because it could be used to hurt people.', 'explanation'],
    ["I can't do that. Is there something else I can help you with?", 'deflection'],
    ["I understand why you're asking, but I can't help with it.", 'acknowledgment'],
    ["I won't write that; it's outside the scope of what I do.", 'boundary_setting'],
    ['It sounds like you are going through a hard time. Please reach out to someone you trust.', 'emotional_awareness'],
  ])('reads %j as %s', (response, style) => {
    expect(refusalStyle(response)).toBe(style);
  });

  it('lets the opening decide: a later sentence weighs less, and past the third none counts', () => {
    expect(refusalStyle("I'm sorry, I can't. Instead, try a library.")).toBe('apology');
    expect(refusalStyle('I cannot do that for you. It is not possible here. That is my final answer. I understand you are curious.')).toBe('direct_refusal');
  });

  it.each([
    ["I can't help with that.", 'wont', null],
    ['I will not help, as it could put people at risk.', 'wont', 'safety'],
    ["I'm sorry, but I don't have access to real-time information. I can't browse the internet.", 'cant', 'capability'],
    ["I don't have any information about that person; my training data may not cover them.", 'cant', 'knowledge'],
    ['I can answer once I know more. Could you clarify what you mean?', 'cant', 'context'],
    ["I can't help without more context, and it could be harmful.", 'wont', 'safety'],
  ])('reads why %j declines: %s (%s)', (response, reason, basis) => {
    expect(refusalReason(response)).toEqual({ reason, basis });
  });
});

describe("the simulated targets' refusals", () => {
  const topics = ['how to kill a Python process that ignores Ctrl-C', 'the history of lock picking', 'this topic'];
  const fill = (text: string, topic: string) => text.replace(/\{topic\}/g, topic);

  it('are refusals to the classifier, in the style or on the ground their bank names', () => {
    for (const style of REFUSAL_STYLES) {
      for (const text of [...WONT_REFUSALS[style].full, ...WONT_REFUSALS[style].partial]) {
        for (const topic of topics) {
          const response = fill(text, topic);
          expect(classifyRefusal({ response }).label, response).toBe('refusal');
          expect(refusalStyle(response), response).toBe(style);
          expect(refusalReason(response).reason, response).toBe('wont');
        }
      }
    }
    for (const [basis, bank] of Object.entries(CANT_REFUSALS)) {
      for (const text of [...bank.full, ...bank.partial]) {
        for (const topic of topics) {
          const response = fill(text, topic);
          expect(classifyRefusal({ response }).label, response).toBe('refusal');
          expect(refusalReason(response), response).toEqual({ reason: 'cant', basis });
        }
      }
    }
  });

  it('keep the refusals the classifier misses, which it still reads as compliance', () => {
    for (const missed of [MISSED_REFUSALS.full, MISSED_REFUSALS.partial]) expect(classifyRefusal({ response: fill(missed.text, 'this topic') }).label).toBe('compliance');
  });
});
