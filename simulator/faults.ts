import { unitHash } from './random.ts';

export const FAULT_KINDS = ['rate_limit', 'server_error', 'hang', 'malformed_json'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Whether this attempt of a request fails, and how. It depends on the request body and on
 * which attempt at it this is (the client's count, or how many times that body was seen
 * before), so a retry of a failed request can succeed and a whole run replays identically
 * given the same sequence of attempts.
 */
export function chooseFault(options: {
  bodyKey: string;
  attempt: number;
  simulatorSeed: number;
  faultRate: number;
  kinds: readonly FaultKind[];
  structured: boolean;
}): FaultKind | null {
  // Malformed JSON only means something for a structured-output request.
  const applicable = options.kinds.filter((kind) => kind !== 'malformed_json' || options.structured);
  if (applicable.length === 0 || options.faultRate <= 0) return null;
  if (unitHash(options.simulatorSeed, options.bodyKey, options.attempt, 'fault') >= options.faultRate) return null;
  const index = Math.floor(unitHash(options.simulatorSeed, options.bodyKey, options.attempt, 'kind') * applicable.length);
  return applicable[index];
}

/** Cut a JSON answer short, the way a model that hits a token limit mid-object does. */
export function truncateJson(content: string): string {
  return content.slice(0, Math.max(1, Math.floor(content.length * 0.6)));
}
