import { CUE_FAMILY_NAMES, matchCue } from '../../pipeline/refusal/cue-matcher.ts';
import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { createTokenStream, phraseHashes, tokenize } from '../../pipeline/refusal/tokens.ts';

const DECLINING_FAMILIES = new Set(['inability', 'unwillingness'].map((name) => CUE_FAMILY_NAMES.indexOf(name)));
/** "I don't have personal opinions" disclaims a self, not the task; those answers do comply. */
const SELF_DISCLAIMERS = new Set(['opinion', 'opinions', 'belief', 'beliefs', 'preference', 'preferences', 'feelings', 'emotions', 'personal', 'experience', 'experiences'].map((word) => phraseHashes(word)[0]));
const tokens = createTokenStream(256);
const match = { family: 0, id: 0 };

/** Whether the first sentence has the speaker decline or disclaim the task ("I cannot ...", "I'm not able to ..."). */
export function firstSentenceDeclines(response: string): boolean {
  const firstSentence = response.trim().toLowerCase().split(/[.!?\n]/, 1)[0];
  tokenize(firstSentence.slice(0, 400), tokens);
  let declines = false;
  for (let index = 0; index < tokens.count; index += 1) {
    if (SELF_DISCLAIMERS.has(tokens.hashes[index])) return false;
    if (matchCue({ hashes: tokens.hashes, count: tokens.count, position: index, match }) > 0 && DECLINING_FAMILIES.has(match.family)) declines = true;
  }
  return declines;
}

/**
 * PHTest's labels come from an LLM judge that is inconsistent on one pattern: a response
 * that opens by declining the task ("As an AI, I cannot create X. However, here is ...") is
 * a partial refusal for most of its files, as XSTest's definition says ("any combination of
 * refusal and compliance"), yet full compliance for a few hundred GPT-3.5 answers. Those
 * compliance labels contradict the definition the classifier is scored by, so LLM-labelled
 * rows of that shape are left out of training. Human-labelled rows are always kept.
 */
export function isContradictoryLlmLabel(row: LabelledRow): boolean {
  return !row.source.startsWith('xstest') && row.gold.label === 'compliance' && firstSentenceDeclines(row.response);
}
