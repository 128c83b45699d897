import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The refusal styles of eval and `refusal classify`; a refusal with no style cue is a direct refusal. */
export const RefusalStyle = z
  .enum(['direct_refusal', 'apology', 'explanation', 'deflection', 'acknowledgment', 'boundary_setting', 'emotional_awareness'])
  .describe('How a refusal is put: a bare no, an apology, a reason, a redirection, acknowledging the asker, a stated limit, or care for the asker.');
export type RefusalStyle = z.infer<typeof RefusalStyle>;
export const REFUSAL_STYLES = RefusalStyle.options;

/** Why a refusal declines: "won't" (safety, ethics, policy) or "can't" (capability, knowledge, missing context). */
export const RefusalReason = z.enum(['wont', 'cant']).describe('"wont": declines on safety, ethics or policy grounds; "cant": says it is not able to (capability, knowledge, missing context).');
export type RefusalReason = z.infer<typeof RefusalReason>;

export const WONT_BASES = ['safety', 'ethics', 'policy'] as const;
export const CANT_BASES = ['capability', 'knowledge', 'context'] as const;
export const RefusalBasis = z.enum([...WONT_BASES, ...CANT_BASES]).describe('The ground a refusal names, when it names one.');
export type RefusalBasis = z.infer<typeof RefusalBasis>;

const phrases = z.array(z.string().trim().min(1)).min(1);

const StyleCues = z
  .object({
    default: RefusalStyle.describe('The style of a refusal that matches no cue.'),
    precedence: z.array(RefusalStyle).describe('Which style wins a tie of scores, first first; every style but the default, once.'),
    cues: z.partialRecord(RefusalStyle, phrases).describe('Phrases that mark each style; the default style needs none.'),
  })
  .strict()
  .superRefine((value, context) => {
    const others = REFUSAL_STYLES.filter((style) => style !== value.default);
    const listed = new Set(value.precedence);
    if (listed.size !== value.precedence.length || others.some((style) => !listed.has(style)) || listed.has(value.default)) {
      context.addIssue({ code: 'custom', path: ['precedence'], message: `must list every style but the default (${others.join(', ')}) once` });
    }
    for (const style of others) if (!value.cues[style]) context.addIssue({ code: 'custom', path: ['cues', style], message: 'has no cue phrases' });
  });

const ReasonCues = z
  .object({
    wont: z.object({ safety: phrases, ethics: phrases, policy: phrases }).strict().describe('Phrases that give a safety, ethics or policy ground.'),
    cant: z.object({ capability: phrases, knowledge: phrases, context: phrases }).strict().describe('Phrases that say the model is not able to: capability, knowledge, missing context.'),
  })
  .strict();

const files = {
  styles: new URL('./data/refusal-styles.json', import.meta.url),
  reasons: new URL('./data/refusal-reasons.json', import.meta.url),
};

function load<T>(url: URL, schema: z.ZodType<T>): { data: T; text: string } {
  const file = fileURLToPath(url);
  const text = readFileSync(url, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`refusal cue data ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`refusal cue data ${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { data: parsed.data, text };
}

const styles = load(files.styles, StyleCues);
const reasons = load(files.reasons, ReasonCues);

export const STYLE_CUES = styles.data;
export const REASON_CUES = reasons.data;

/** Names the cue lists that gave the styles and reasons, so eval.json says which lists read its refusals. */
export const REFUSAL_CUES_VERSION = `refusal-cues-${createHash('sha256').update(styles.text).update('\0').update(reasons.text).digest('hex').slice(0, 12)}`;
