import type { BaseMessage } from '@langchain/core/messages';
import type { ChatMessage } from '../models/language-model.ts';

const ROLES: Record<string, ChatMessage['role']> = { system: 'system', human: 'user', ai: 'assistant' };

/** Langchain's formatted messages, as the plain chat messages every endpoint takes. */
export function toChatMessages(messages: BaseMessage[]): ChatMessage[] {
  return messages.map((message) => {
    const role = ROLES[message.getType()];
    if (!role) throw new Error(`unsupported prompt message type ${message.getType()}`);
    return { role, content: typeof message.content === 'string' ? message.content : JSON.stringify(message.content) };
  });
}

/**
 * Puts untrusted text (a generated prompt, a model response) between tags as data.
 * A closing tag inside the text is broken up so the text cannot end the fence early
 * and speak to the model as instructions.
 */
export function fence(tag: string, text: string): string {
  const broken = text.replaceAll(`</${tag}>`, `</ ${tag}>`).replaceAll(`<${tag}>`, `< ${tag}>`);
  return `<${tag}>${broken}</${tag}>`;
}
