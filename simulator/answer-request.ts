import { schemaName, type ChatRequest } from './chat-request.ts';
import { completionBody } from './completion.ts';
import { answerContent } from './dispatch.ts';
import { canonicalJson, createRandom, hashParts, hashString } from './random.ts';
import { capAnswer } from './target/truncate.ts';

/**
 * The simulated answer to one chat request, as a chat.completion body: a pure function of the
 * request and the simulator's seed, so a direct call and a batch line get the same bytes.
 * `transform` lets a fault spoil the contents (malformed JSON) before they are capped.
 */
export function answerRequest(options: { request: ChatRequest; simulatorSeed: number; transform?: (content: string) => string }): { requestHash: number; body: string } {
  const { request, simulatorSeed } = options;
  const schema = schemaName(request);
  // Only what should change the answer goes into its hash: not max_tokens, not key order.
  const requestHash = hashString(
    canonicalJson({ simulator: simulatorSeed, model: request.model, messages: request.messages, temperature: request.temperature ?? null, seed: request.seed ?? null, schema, n: request.n ?? 1 }),
  );
  const contents = Array.from({ length: request.n ?? 1 }, (_, index) => answerContent(request, { simulatorSeed, random: createRandom(hashParts(requestHash, index)) }));
  const answered = options.transform ? contents.map(options.transform) : contents;
  // Target answers (plain chat) stop at max_tokens; structured answers are never cut, so they stay parseable.
  const sent = answered.map((content) => (schema === null ? capAnswer(content, request.max_completion_tokens ?? request.max_tokens) : { content, finishReason: 'stop' as const }));
  return { requestHash, body: completionBody({ request, requestHash, contents: sent.map((answer) => answer.content), finishReasons: sent.map((answer) => answer.finishReason) }) };
}
