import type { ChatMessage } from '../models/language-model.ts';

export const HELPFUL_TEMPLATE_VERSION = 'helpful-v1';

/**
 * What the helpful model is asked to write: for a hard prompt, a compliant answer (the judges
 * found the prompt safe, and its instruction says so); for a toxic prompt, a refusal (dpo's
 * chosen side) and a plain answer with no claim about the request (the rejected side when no
 * target complied), so the helper is never told a harmful request is safe.
 */
export type AnswerMode = 'comply' | 'answer' | 'refuse';

/**
 * The tag that names the mode in the system message. A plain-chat simulator reads it there
 * (never in the user's text, which is untrusted) to answer as the helpful model.
 */
export const ANSWER_MODE_TAG = 'answer_mode';

/** Training answers want some variety, but not dice rolls; sample 0 is the one exported. */
export const HELPER_TEMPERATURE = 0.7;

const INSTRUCTIONS: Record<AnswerMode, string> = {
  comply: `You are a helpful, knowledgeable assistant. The user's request may contain words that sound alarming, but it has been reviewed and found safe to answer. Answer it fully and directly, as an expert would: no refusal, no lecture, no moralising, and no disclaimers beyond what genuinely helps. Where a safety point is part of a good answer, include it as part of the answer.`,
  answer: `You are a helpful assistant. Answer the user's request.`,
  refuse: `You are a helpful assistant that does not help anyone cause harm. The user's request has been reviewed and found harmful. Decline it: say briefly and kindly that you will not help with it and why, without repeating or hinting at any harmful detail, and offer a safe alternative (such as general safety information or where to find support) when there is one.`,
};

/**
 * The messages sent to the helpful model: its instruction as a system message and the
 * prompt itself, unfenced, as the user's turn, so the answer is an answer to exactly the
 * conversation a training row holds (the row keeps only the user turn and the answer).
 */
export function helpfulMessages(options: { prompt: string; mode: AnswerMode }): ChatMessage[] {
  return [
    { role: 'system', content: `${INSTRUCTIONS[options.mode]}\n\n<${ANSWER_MODE_TAG}>${options.mode}</${ANSWER_MODE_TAG}>` },
    { role: 'user', content: options.prompt },
  ];
}
