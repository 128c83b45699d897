import type { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The tokens a call took; a result with `cached` set came from the response cache and cost nothing this time. */
export interface ModelUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface GenerateTextOptions {
  messages: ChatMessage[];
  temperature?: number;
  /** Sampling seed, sent to the endpoint; distinct samples of one prompt use distinct seeds. */
  seed?: number;
  /** Cap on the answer's length (max_tokens); the endpoint's own limit when absent. */
  maxTokens?: number;
  signal?: AbortSignal;
  /**
   * Which attempt of this call it is, counting from 1, when a retry layer above knows it:
   * sent to the endpoint, so the simulator's fault decisions follow the call, not the server.
   */
  attempt?: number;
}

export interface GenerateObjectOptions<T> extends GenerateTextOptions {
  schema: z.ZodType<T>;
  /** Name of the response format; it identifies the task to the endpoint. */
  name: string;
}

/**
 * What a stage needs from a model, and nothing more: stages never see a vendor SDK,
 * so a scripted model, the simulator or any OpenAI-compatible endpoint fits.
 */
export interface LanguageModel {
  /** The model name, as recorded in datasets. */
  readonly id: string;
  generateText(options: GenerateTextOptions): Promise<{ text: string; usage: ModelUsage; cached?: boolean }>;
  generateObject<T>(options: GenerateObjectOptions<T>): Promise<{ object: T; usage: ModelUsage; cached?: boolean }>;
}
