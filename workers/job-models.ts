import { createHash } from 'node:crypto';
import type { RoleModels } from '../pipeline/models/create-models.ts';
import type { GenerateObjectOptions, GenerateTextOptions, LanguageModel, ModelUsage } from '../pipeline/models/language-model.ts';
import type { UsageMeter } from '../pipeline/models/usage-meter.ts';
import type { Config, ModelRole } from '../pipeline/schemas/config.ts';
import { mapRoles } from '../pipeline/models/roles.ts';
import type { CallAnswer, CallLedger } from './call-ledger.ts';
import { isBudgetExhaustedError } from '../pipeline/errors/budget-exhausted-error.ts';

/**
 * The run's shared models as one job sees them: every call goes through the job's ledger
 * (an answered call is replayed, a failed one gets its next attempt number) and is counted
 * into the job's meter. A job stores its own usage with its result, so the meter of the
 * attempt that finishes counts every attempt of every call, replayed ones included, as the
 * in-process runner's meter would.
 */
export function jobModels(models: RoleModels, options: { config: Config; meter: UsageMeter; ledger: CallLedger }): RoleModels {
  const { config, meter, ledger } = options;
  return mapRoles(models, config, (model, slot) => throughLedger({ model, slot: slot.name, role: slot.config, usageRole: slot.usageRole, meter, ledger }));
}

/**
 * What makes two calls the same call: the role's slot (two judges on one model are still
 * two calls) and everything sent that shapes the answer. The signal and attempt are not.
 */
function callKey(slot: string, call: GenerateTextOptions & { name?: string }): string {
  const content = JSON.stringify([slot, call.name ?? null, call.temperature ?? null, call.seed ?? null, call.messages]);
  return createHash('sha256').update(content).digest('hex').slice(0, 24);
}

function throughLedger(options: { model: LanguageModel; slot: string; role: ModelRole; usageRole: string; meter: UsageMeter; ledger: CallLedger }): LanguageModel {
  const { model, slot, role, usageRole, meter, ledger } = options;

  async function run<R extends { usage: ModelUsage; cached?: boolean }>(call: {
    key: string;
    signal?: AbortSignal;
    invoke: (attempt: number) => Promise<R>;
    revive: (answer: CallAnswer) => R | null;
    keep: (result: R) => CallAnswer;
  }): Promise<R> {
    const record = ledger.record(call.key);
    for (let failure = 0; failure < record.failed; failure += 1) meter.recordFailure(usageRole, role.pricing);
    const replayed = record.answer ? call.revive(record.answer) : null;
    if (replayed) {
      // An answer the response cache gave was not paid for, then or now.
      if (!record.answer?.cached) meter.record(usageRole, replayed.usage, role.pricing);
      return replayed;
    }
    const attempt = record.failed + 1;
    try {
      const result = await ledger.track(call.invoke(attempt));
      ledger.answered(record, { ...call.keep(result), ...(result.cached ? { cached: true } : {}) });
      if (!result.cached) meter.record(usageRole, result.usage, role.pricing);
      return result;
    } catch (error) {
      // A shutdown cut the call short, or the budget refused it before it was made: no attempt of the call's own.
      if (call.signal?.aborted || isBudgetExhaustedError(error)) throw error;
      meter.recordFailure(usageRole, role.pricing);
      ledger.failed(record, { error, attempt, maxAttempts: role.maxAttempts });
      throw error;
    }
  }

  return {
    id: model.id,
    generateText: (call) =>
      run({
        key: callKey(slot, call),
        signal: call.signal,
        invoke: (attempt) => model.generateText({ ...call, attempt }),
        revive: (answer) => (answer.text === undefined ? null : { text: answer.text, usage: answer.usage }),
        keep: (result) => ({ text: result.text, usage: result.usage }),
      }),
    generateObject: <T>(call: GenerateObjectOptions<T>) =>
      run({
        key: callKey(slot, call),
        signal: call.signal,
        invoke: (attempt) => model.generateObject({ ...call, attempt }),
        revive: (answer) => {
          const parsed = call.schema.safeParse(answer.object);
          return parsed.success ? { object: parsed.data, usage: answer.usage } : null;
        },
        keep: (result) => ({ object: result.object, usage: result.usage }),
      }),
  };
}
