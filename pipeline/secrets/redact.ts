import { KEY_PATTERNS } from './key-patterns.ts';

/**
 * Values shorter than this are not masked: no real key is this short, and masking "a"
 * or "no" would garble every message it appears in.
 */
const SHORTEST_SECRET = 4;

/**
 * `text` with every one of `secrets` (as given and URL-encoded) and every key-like
 * token (see KEY_PATTERNS) replaced by `***`. The one scrubbing function: errors, logs,
 * Redis and Hub messages all go through it.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let redacted = text;
  for (const secret of secretForms(secrets)) redacted = redacted.split(secret).join('***');
  for (const { pattern, replacement } of KEY_PATTERNS) redacted = redacted.replace(pattern, replacement);
  return redacted;
}

/** Longest first, so a secret that contains another is masked whole. */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < SHORTEST_SECRET) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
