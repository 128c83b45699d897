import type { GenerateObjectOptions, GenerateTextOptions, LanguageModel } from '../../pipeline/models/language-model.ts';

export type ScriptedAnswer = unknown | Error | ((call: GenerateTextOptions & { name?: string }) => unknown);

export interface ScriptedCall extends GenerateTextOptions {
  kind: 'text' | 'object';
  name?: string;
}

/**
 * A model for unit tests: answers from a script, records every call it got, and
 * throws when the script runs out, so a test notices calls it did not expect.
 * An answer may be a value, an Error to throw, or a function of the call.
 */
export class ScriptedModel implements LanguageModel {
  readonly calls: ScriptedCall[] = [];
  private readonly answers: ScriptedAnswer[];

  constructor(
    readonly id: string,
    answers: ScriptedAnswer[] | ((call: ScriptedCall) => unknown),
  ) {
    this.answers = typeof answers === 'function' ? [] : [...answers];
    if (typeof answers === 'function') this.respond = answers;
  }

  private respond: ((call: ScriptedCall) => unknown) | null = null;

  async generateText(call: GenerateTextOptions) {
    const answer = this.next({ ...call, kind: 'text' });
    return { text: String(answer), usage: { promptTokens: 10, completionTokens: 5 } };
  }

  async generateObject<T>(call: GenerateObjectOptions<T>) {
    const answer = this.next({ messages: call.messages, temperature: call.temperature, seed: call.seed, kind: 'object', name: call.name });
    return { object: call.schema.parse(answer), usage: { promptTokens: 10, completionTokens: 5 } };
  }

  /** The user message of every call, in order. */
  get prompts(): string[] {
    return this.calls.map((call) => call.messages.filter((message) => message.role === 'user').map((message) => message.content).join('\n'));
  }

  private next(call: ScriptedCall): unknown {
    this.calls.push(call);
    let answer: unknown;
    if (this.respond) answer = this.respond(call);
    else {
      if (this.answers.length === 0) throw new Error(`ScriptedModel ${this.id}: no answer left for call ${this.calls.length}`);
      answer = this.answers.shift();
      if (typeof answer === 'function') answer = (answer as (c: ScriptedCall) => unknown)(call);
    }
    if (answer instanceof Error) throw answer;
    return answer;
  }
}
