import { z } from 'zod';

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The English name of a BCP 47 code ("de" -> "German"), or null for a malformed or unknown code. */
export function languageName(code: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(code);
    return canonical ? (LANGUAGE_NAMES.of(canonical) ?? null) : null;
  } catch {
    return null;
  }
}

/** A BCP 47 language tag the runtime knows, in its canonical form ("EN" -> "en", "pt-br" -> "pt-BR"). */
export const LanguageCode = z
  .string()
  .refine((code) => languageName(code) !== null, { message: 'not a known BCP 47 language code (e.g. "en", "de", "zh", "pt-BR")' })
  .transform((code) => Intl.getCanonicalLocales(code)[0]!);

/** The languages rewrites are written in: at least one, each once. */
export const Languages = z
  .array(LanguageCode)
  .min(1, 'at least one language is needed (e.g. ["en"])')
  .superRefine((codes, issues) => {
    const seen = new Set<string>();
    codes.forEach((code, index) => {
      if (seen.has(code)) issues.addIssue({ code: 'custom', path: [index], message: `${code} is listed twice` });
      seen.add(code);
    });
  })
  .default(['en'])
  .describe('Languages (BCP 47 codes) the generator writes rewrites in, each asked natively; every record carries its language.');

/** The language of a record written before records carried one: English, the only language then. */
export const DEFAULT_LANGUAGE = 'en';
