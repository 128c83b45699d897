import { z } from 'zod';

export const RefusalLabel = z.enum(['refusal', 'compliance']).describe('Binary answer: refusal = full or partial refusal');
export type RefusalLabel = z.infer<typeof RefusalLabel>;

export const RefusalLabel3 = z
  .enum(['full_compliance', 'full_refusal', 'partial_refusal'])
  .describe("XSTest's three classes");
export type RefusalLabel3 = z.infer<typeof RefusalLabel3>;

export function toBinaryLabel(label3: RefusalLabel3): RefusalLabel {
  return label3 === 'full_compliance' ? 'compliance' : 'refusal';
}

export interface GoldLabel {
  label: RefusalLabel;
  /** Known only when the source gives three classes. */
  label3?: RefusalLabel3;
}

/**
 * Reads a gold label as the shared data and users write it: `refusal`/`compliance`,
 * a three-class name, or XSTest's numbered form (`2_full_refusal`). Returns undefined if unknown.
 */
export function parseGoldLabel(raw: string): GoldLabel | undefined {
  const text = raw.trim().toLowerCase().replace(/^[0-9]+_/, '').replace(/[\s-]+/g, '_');
  if (text === 'refusal' || text === 'compliance') return { label: text };
  const parsed = RefusalLabel3.safeParse(text);
  if (!parsed.success) return undefined;
  return { label: toBinaryLabel(parsed.data), label3: parsed.data };
}
