import type { GenerateObjectOptions, GenerateTextOptions, LanguageModel } from '../models/language-model.ts';
import type { CacheCounter } from './cache-counts.ts';
import { requestKey, type RequestIdentity } from './request-key.ts';
import type { CachedAnswer, ResponseCache } from './response-cache.ts';

export interface CachedModelOptions {
  model: LanguageModel;
  cache: ResponseCache;
  identity: RequestIdentity;
  counter: CacheCounter;
  /** The label hits and misses are counted under, as usage is. */
  usageRole: string;
}

/**
 * A model that answers a request it has answered before from the cache, without a call:
 * it sits above the retries, gates, budget and usage meter, so a hit waits for nothing and
 * is neither paid nor counted as a call. Only answers are kept, never failures. A hit is
 * marked `cached`, so a layer above (a queue job's ledger) does not count it either.
 */
export function createCachedModel(options: CachedModelOptions): LanguageModel {
  const { model, cache, identity, counter, usageRole } = options;

  // Requests being looked up or made now, by key, with the answer they come to (null if they fail): the
  // same request asked again meanwhile (two samples that drew the same answer, put to the refusal judge)
  // waits for it instead of racing it, so how many calls a run makes does not depend on timing.
  const inFlight = new Map<string, Promise<CachedAnswer | null>>();

  async function lookup<R>(request: { key: string; attempt?: number; revive: (answer: CachedAnswer) => R | null; call: () => Promise<R>; keep: (result: R) => CachedAnswer }): Promise<R> {
    const { key, attempt, revive, call, keep } = request;
    const pending = inFlight.get(key);
    const shared = pending ? await pending : null;
    const fromPending = shared ? revive(shared) : null;
    if (fromPending !== null) {
      counter.hit(usageRole);
      return fromPending;
    }
    let settle: (answer: CachedAnswer | null) => void = () => {};
    const mine = new Promise<CachedAnswer | null>((resolve) => (settle = resolve));
    inFlight.set(key, mine);
    try {
      const found = await cache.get(key);
      const revived = found ? revive(found) : null;
      if (revived !== null) {
        counter.hit(usageRole);
        settle(found);
        return revived;
      }
      // A queue job's retry looks its call up again; in-process the retries sit below the cache, so a call misses once.
      if ((attempt ?? 1) === 1) counter.miss(usageRole);
      const result = await call();
      const answer = keep(result);
      await cache.set(key, answer);
      settle(answer);
      return result;
    } catch (error) {
      settle(null);
      throw error;
    } finally {
      if (inFlight.get(key) === mine) inFlight.delete(key);
    }
  }

  return {
    id: model.id,
    generateText: (call: GenerateTextOptions) =>
      lookup({
        key: requestKey(identity, call),
        attempt: call.attempt,
        revive: (answer) => (answer.text === undefined ? null : { text: answer.text, usage: answer.usage, cached: true }),
        call: () => model.generateText(call),
        keep: (result) => ({ text: result.text, usage: result.usage }),
      }),
    generateObject: <T>(call: GenerateObjectOptions<T>) =>
      lookup({
        key: requestKey(identity, call as GenerateObjectOptions<unknown>),
        attempt: call.attempt,
        revive: (answer) => {
          // An answer kept under an older schema of the same name is asked again, not trusted.
          const parsed = answer.object === undefined ? null : call.schema.safeParse(answer.object);
          return parsed?.success ? { object: parsed.data, usage: answer.usage, cached: true } : null;
        },
        call: () => model.generateObject(call),
        keep: (result) => ({ object: result.object, usage: result.usage }),
      }),
  };
}
