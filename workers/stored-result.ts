import { z } from 'zod';
import type { RoleUsage } from '../pipeline/models/usage-meter.ts';
import type { Settled } from '../pipeline/runs/map-with-progress.ts';
import { redactSecrets } from '../pipeline/secrets/redact.ts';

/**
 * One item's stage result as kept in Redis: the value or the error that ended it,
 * the usage of the attempt that produced it, and when it ran. Stored with HSET under
 * the item's content id, so a retried job overwrites rather than adds.
 */
export type StoredResult<T> =
  | { ok: true; value: T; usage: Record<string, RoleUsage>; startedAt: number; endedAt: number }
  | { ok: false; error: { name: string; message: string }; usage: Record<string, RoleUsage>; startedAt: number; endedAt: number };

const Timing = { usage: z.record(z.string(), z.any()), startedAt: z.number(), endedAt: z.number() };
const StoredShape = z.union([
  z.object({ ok: z.literal(true), value: z.unknown(), ...Timing }),
  z.object({ ok: z.literal(false), error: z.object({ name: z.string(), message: z.string() }), ...Timing }),
]);

/**
 * Checks a stored result against its schema but returns the value as stored: zod
 * would rebuild objects in schema key order, and the data files must match the
 * in-process runner's byte for byte.
 */
export function parseStored<T>(text: string, value: z.ZodType<T>): StoredResult<T> {
  const stored = StoredShape.parse(JSON.parse(text));
  if (stored.ok) value.parse(stored.value);
  return stored as StoredResult<T>;
}

/** An error rebuilt from storage; `describeError` gives the same reason the in-process runner records. */
export function revivedError(error: { name: string; message: string }): Error {
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

export function toSettled<T, R>(item: T, stored: StoredResult<R>): Settled<T, R> {
  return stored.ok ? { item, ok: true, value: stored.value } : { item, ok: false, error: revivedError(stored.error) };
}

/** What is stored of an error in Redis; key-like tokens are masked once more, whatever made the error. */
export function errorShape(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: redactSecrets(error.message) } : { name: 'Error', message: redactSecrets(String(error)) };
}
