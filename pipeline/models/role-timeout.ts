import type { Config, ModelRole } from '../schemas/config.ts';

/** A real endpoint's default: a large model on a busy server may take most of a minute to answer. */
export const ENDPOINT_TIMEOUT_MS = 60_000;

/**
 * The simulator's default, on top of its configured latency: it answers in milliseconds,
 * so a simulated hang is cut after a few seconds instead of holding a slot for a minute.
 */
export const SIMULATOR_TIMEOUT_MS = 5_000;

/** The time one request of this role may take: its own timeoutMs, else the default for where it goes. */
export function timeoutFor(role: ModelRole, config: Pick<Config, 'simulator'>): number {
  return role.timeoutMs ?? (role.baseURL ? ENDPOINT_TIMEOUT_MS : SIMULATOR_TIMEOUT_MS + config.simulator.latencyMs);
}
