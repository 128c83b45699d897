import { ANSWER_MODE_TAG, type AnswerMode } from '../../pipeline/training-export/helpful-prompt.ts';
import { messageText, readTag, type ChatRequest } from '../chat-request.ts';
import type { Random } from '../random.ts';
import { COMPLIANCE_CLOSERS, COMPLIANCE_OPENERS, COMPLIANCE_POINTS } from '../target/texts.ts';
import { promptTopic } from '../target/topic.ts';
import { TRAINING_TEXTS } from './training-texts.ts';

/**
 * The mode a helpful-model request asks for, read from its system messages only: the user's
 * turn is the prompt under test, which must not be able to switch the mode. Null for a
 * request that is no helpful-model request (a target's).
 */
export function helperMode(request: ChatRequest): AnswerMode | null {
  const system = request.messages.filter((message) => message.role === 'system').map(messageText).join('\n');
  const mode = readTag(system, ANSWER_MODE_TAG);
  return mode === 'comply' || mode === 'answer' || mode === 'refuse' ? mode : null;
}

const fill = (text: string, topic: string) => text.replace(/\{topic\}/g, topic);

/**
 * The simulated helpful model: it always does what the mode asks, a compliant answer (comply
 * and answer alike: it never refuses, unlike most real models asked to answer a toxic prompt) in the
 * simulated targets' own answering style (so the refusal classifier reads it as they are
 * read), or a refusal that declines kindly and points to help.
 */
export function answerAsHelper(options: { prompt: string; mode: AnswerMode; random: Random }): string {
  const { random } = options;
  const topic = promptTopic(options.prompt);
  if (options.mode === 'refuse') return fill(random.pick(TRAINING_TEXTS.refusals), topic);
  const points = random.sample(COMPLIANCE_POINTS, random.int(3, 4));
  return [fill(random.pick(COMPLIANCE_OPENERS), topic), fill(points.map((point, index) => `${index + 1}. ${point}`).join('\n'), topic), fill(random.pick(COMPLIANCE_CLOSERS), topic)]
    .filter((part) => part.length > 0)
    .join('\n\n');
}
