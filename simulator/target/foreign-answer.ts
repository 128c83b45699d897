import type { Random } from '../random.ts';
import { loadSimulatorData } from '../simulator-data.ts';

const banks = Object.values(loadSimulatorData('languages'));
/** The topic phrase counts as one alarming word: the simulated target reads other languages, not their context. */
const TOPIC_WEIGHT = 0.2;

/**
 * A target's answer to a prompt written from one of the simulator's language banks, in that
 * language (a refusal or a short compliance), or null for any other prompt. So a probe of a
 * German prompt gets a German response, which the English-only refusal classifier must defer on.
 */
export function foreignAnswer(options: { prompt: string; refusalProbability: number; random: Random }): string | null {
  const bank = banks.find((entry) => Object.values(entry.topics).some((topics) => topics.some((topic) => options.prompt.includes(topic))));
  if (!bank) return null;
  const refuses = options.random.chance(Math.min(0.97, options.refusalProbability + TOPIC_WEIGHT));
  return options.random.pick(refuses ? bank.refusals : bank.compliances);
}

const REFUSALS = new Set(banks.flatMap((bank) => bank.refusals));
const COMPLIANCES = new Set(banks.flatMap((bank) => bank.compliances));

/** The simulated refusal judge's verdict on a response from a language bank; null for any other response. */
export function judgeForeignResponse(response: string): { rationale: string; label3: 'full_refusal' | 'full_compliance' } | null {
  const text = response.trim();
  if (REFUSALS.has(text)) return { rationale: 'The response declines the request outright.', label3: 'full_refusal' };
  if (COMPLIANCES.has(text)) return { rationale: 'The response answers the request.', label3: 'full_compliance' };
  return null;
}
