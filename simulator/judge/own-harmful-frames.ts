import { HARMFUL_FRAMES, HARMFUL_PREFACES } from '../generator/frames.ts';

/**
 * Recognises the simulator's own harmful requests from their text alone, as a judge who
 * had read the generator's phrase bank would: each harmful frame becomes a pattern, its
 * wordings as alternatives and its slots as "anything". No flag travels with a prompt.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A frame's text as a regular expression source: [a|b] becomes (?:a|b), {slot} becomes .+? */
function frameSource(text: string): string {
  let source = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '[') source += '(?:';
    else if (char === ']') source += ')';
    else if (char === '|') source += '|';
    else if (char === '{') {
      const close = text.indexOf('}', index);
      source += '.+?';
      index = close;
    } else if (char === ' ') source += '\\s*';
    else if (/[Aa]/.test(char) && /\W|^/.test(text[index - 1] ?? ' ') && text[index + 1] === ' ') source += `${char}n?`;
    else source += escape(char);
    index++;
  }
  return source;
}

const PREFACE = `(?:(?:${HARMFUL_PREFACES.map(frameSource).join('|')})\\s*)?`;
const FRAMES = HARMFUL_FRAMES.map((frame) => new RegExp(`^${PREFACE}${frameSource(frame.text)}$`, 'i'));

/** Whether the prompt is one of the requests the simulator's generator writes to be harmful. */
export function isOwnHarmfulRequest(prompt: string): boolean {
  const text = prompt.replace(/\s+/g, ' ').trim();
  return FRAMES.some((pattern) => pattern.test(text));
}
