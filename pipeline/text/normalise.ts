import { createHash } from 'node:crypto';

/**
 * The form prompts are compared and hashed in: Unicode-normalised, lower case,
 * punctuation folded to spaces, whitespace collapsed. Two prompts that differ only
 * in case, spacing or punctuation are the same prompt.
 */
export function normalisePrompt(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** Stable id of a prompt: the first 16 hex digits of the SHA-256 of its normalised form. */
export function promptId(text: string): string {
  return createHash('sha256').update(normalisePrompt(text)).digest('hex').slice(0, 16);
}
