import { neutraliseTags } from './neutralise-tags.ts';

/** Every field the prompts put between tags. A fenced text may not open or close any of them. */
export const FENCE_TAGS = ['concept', 'category', 'notes', 'count', 'candidate', 'prompt', 'response', 'operator', 'parent', 'partner', 'answers', 'language', 'examples', 'prompts'] as const;
export type FenceTag = (typeof FENCE_TAGS)[number];

/**
 * Puts untrusted text (a seed's notes, a generated prompt, a model response) between
 * tags as data. Every tag-like sequence inside is neutralised (see neutraliseTags), not
 * only this field's closing tag, so the text can neither end its fence early nor pose
 * as another field and speak to the model as instructions.
 */
export function fence(tag: FenceTag, text: string): string {
  return `<${tag}>${neutraliseTags(text, FENCE_TAGS)}</${tag}>`;
}
