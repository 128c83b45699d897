import type { ChatPromptTemplate } from '@langchain/core/prompts';

type MessageSpec = [role: 'system' | 'human', template: string];

/**
 * A langchain chat template built on first use: langchain takes about a second to
 * load, which commands that make no model call (help, validate) should not pay.
 */
export function lazyTemplate(messages: MessageSpec[]): () => Promise<ChatPromptTemplate> {
  let template: Promise<ChatPromptTemplate> | null = null;
  return () => (template ??= import('@langchain/core/prompts').then(({ ChatPromptTemplate }) => ChatPromptTemplate.fromMessages(messages)));
}
