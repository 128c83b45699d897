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
