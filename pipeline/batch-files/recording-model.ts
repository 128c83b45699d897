import { ModelCallError } from '../errors/model-call-error.ts';
import type { GenerateObjectOptions, GenerateTextOptions, LanguageModel } from '../models/language-model.ts';
import type { RoleSlot } from '../models/roles.ts';
import { requestKey, type RequestIdentity } from '../cost/request-key.ts';
import { BATCH_ENDPOINT, chatBody } from '../batch-api/batch-line.ts';
import type { RecordedRequest } from './recorded-request.ts';

/** The reason an item stops in a batch export: its answer is to come from the batch file. */
export const RECORDED_MESSAGE = 'recorded for a batch file, not asked';

/** Whether an item stopped because its request was recorded, not because a model failed it. */
export function isRecorded(error: unknown): boolean {
  return ModelCallError.isInstance(error) && error.message.endsWith(RECORDED_MESSAGE);
}

/**
 * A model that answers nothing: it keeps each request it is asked (under a cached model, so
 * only those the cache misses reach it) and fails the call, so the item stops there. The
 * failure is an item's failure (a non-retryable model call error), so the stage goes on
 * with the other items; the same request asked twice is kept once.
 */
export function createRecordingModel(options: { slot: RoleSlot; identity: RequestIdentity; recorded: Map<string, RecordedRequest> }): LanguageModel {
  const { slot, identity, recorded } = options;
  const record = (call: GenerateTextOptions | GenerateObjectOptions<unknown>): never => {
    const key = requestKey(identity, call);
    if (!recorded.has(key)) {
      const body = chatBody({ model: slot.config.model, call, roleTemperature: slot.config.temperature });
      recorded.set(key, { line: { custom_id: key, method: 'POST', url: BATCH_ENDPOINT, body }, slot: slot.name, model: slot.config.model, structured: 'schema' in call });
    }
    throw new ModelCallError({ message: `${slot.name} (${slot.config.model}): ${RECORDED_MESSAGE}`, endpoint: `batch file (${slot.config.model})`, isRetryable: false });
  };
  return {
    id: slot.config.model,
    generateText: async (call) => record(call),
    generateObject: async <T>(call: GenerateObjectOptions<T>) => record(call as GenerateObjectOptions<unknown>),
  };
}
