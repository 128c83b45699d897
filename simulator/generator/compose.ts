import type { Random } from '../random.ts';
import { BODIES, CONTEXTS, DETAILS, FAMILY_OF_PATTERN, HARMFUL_PREFACES, LEAD_INS, OPENERS } from './frames.ts';
import { paraphrase } from './paraphrase.ts';
import { fillText, type Slots, type Template } from './template.ts';

/** Requests that read naturally after "As a nurse," or "For my essay,". */
const QUESTION_START = /^(?:how|what|which|why|is|are|can|could|would|should|where|who|when|do|does|give|explain|write|list|suggest|describe|tell|summarise|compare|draft)\b/i;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function lowerFirst(text: string): string {
  // "I", acronyms and names keep their capital.
  if (/^(?:I\b|I'|[A-Z]{2}|[A-Z][a-z]+ [A-Z])/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function contextSentence(options: { family: string; slots: Slots; random: Random }): string {
  const { random } = options;
  // Mostly an asker that fits the pattern; now and then a generic aside.
  const family = random.chance(0.82) ? options.family : 'any';
  return capitalise(fillText({ text: random.pick(CONTEXTS[family] ?? CONTEXTS.any), slots: options.slots, random }));
}

/** Share of requests sent with no word about the asker. */
const BARE_SHARE = 0.5;

/** Share of full-length requests whose stem and body are drawn separately, where the pattern has bodies. */
const OPENER_SHARE = 0.45;

function drawRequest(options: { template: Template; slots: Slots; random: Random; terse?: boolean }): string {
  const { template, slots, random } = options;
  const rephrase = (text: string) => paraphrase(text, random);
  const bodies = BODIES[template.pattern];
  if (options.terse || bodies === undefined || !random.chance(OPENER_SHARE)) return fillText({ text: template.text, slots, random, rephrase });
  const opener = random.pick(OPENERS);
  return `${fillText({ text: opener.text, slots, random, rephrase })} ${fillText({ text: random.pick(bodies), slots, random })}${opener.end}`;
}

/**
 * One benign rewrite: the pattern's request, with an independently drawn asker context
 * (before or after it, or folded in as a lead-in clause) and an optional closing detail.
 * Independent parts give a prompt set whose length, order and openings vary like a real one.
 */
export function composeBenign(options: { template: Template; slots: Slots; random: Random; terse?: boolean }): string {
  const { template, slots, random } = options;
  const family = FAMILY_OF_PATTERN[template.pattern] ?? 'any';
  const request = capitalise(drawRequest({ template, slots, random, terse: options.terse }));
  const parts: string[] = [];
  // Terse requests are typed in a hurry: they rarely come with a story about the asker.
  const shape = options.terse && random.chance(0.85) ? 0 : random.next();
  if (shape < BARE_SHARE) {
    parts.push(request);
  } else if (shape < 0.6 && QUESTION_START.test(request)) {
    const leadIns = random.chance(0.85) ? (LEAD_INS[family] ?? LEAD_INS.any) : LEAD_INS.any;
    parts.push(`${capitalise(fillText({ text: random.pick(leadIns), slots, random }))} ${lowerFirst(request)}`);
  } else if (shape < 0.88) {
    parts.push(contextSentence({ family, slots, random }), request);
  } else {
    parts.push(request, contextSentence({ family, slots, random }));
  }
  if (random.chance(0.1)) parts.push(capitalise(fillText({ text: random.pick(DETAILS), slots, random })));
  return parts.join(' ');
}

/** A harmful rewrite: its frame, sometimes after an impatient preface. */
export function composeHarmful(options: { template: Template; slots: Slots; random: Random }): string {
  const { template, slots, random } = options;
  const request = capitalise(fillText({ text: template.text, slots, random }));
  return random.chance(0.25) ? `${capitalise(fillText({ text: random.pick(HARMFUL_PREFACES), slots, random }))} ${request}` : request;
}
