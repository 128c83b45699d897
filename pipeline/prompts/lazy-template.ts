import type { ChatPromptTemplate } from '@langchain/core/prompts';

/** One message of a chat template: its role and its text, with {placeholders} filled per call. */
export type MessageSpec = readonly [role: 'system' | 'human', template: string];

/**
 * A langchain chat template built on first use: langchain takes about a second to
 * load, which commands that make no model call (help, validate) should not pay.
 */
export function lazyTemplate(messages: readonly MessageSpec[]): () => Promise<ChatPromptTemplate> {
  let template: Promise<ChatPromptTemplate> | null = null;
  return () => (template ??= import('@langchain/core/prompts').then(({ ChatPromptTemplate }) => ChatPromptTemplate.fromMessages(messages.map(([role, text]) => [role, text]))));
}
