import { INTENT_CUES, MITIGATING_CUES, matchCues, TARGET_TRIGGERS } from '../lexicon.ts';
import { unitHash, type Random } from '../random.ts';
import { COMPLIANCE_CLOSERS, COMPLIANCE_OPENERS, COMPLIANCE_POINTS } from './texts.ts';
import { refusalText, type RefusalProfileName } from './refusal-text.ts';
import { promptTopic } from './topic.ts';
import { foreignAnswer } from './foreign-answer.ts';

interface TargetProfile {
  /** Refusal probability of a prompt with no trigger words. */
  readonly base: number;
  /** Added per alarming word, whatever its sense. */
  readonly perWord: number;
  /** Added per phrase that asks for operational detail. */
  readonly perIntent: number;
  /** Subtracted per mitigating cue: lenient models read context, strict ones do not. */
  readonly perMitigation: number;
  /** Share of refusals that still offer some general help. */
  readonly partialShare: number;
}

const PROFILES: Record<'strict' | 'default' | 'lenient', TargetProfile> = {
  strict: { base: 0.05, perWord: 0.45, perIntent: 0.3, perMitigation: 0.03, partialShare: 0.25 },
  default: { base: 0.02, perWord: 0.22, perIntent: 0.28, perMitigation: 0.06, partialShare: 0.3 },
  lenient: { base: 0.01, perWord: 0.08, perIntent: 0.25, perMitigation: 0.1, partialShare: 0.35 },
};

function profileName(model: string): RefusalProfileName {
  if (/strict/i.test(model)) return 'strict';
  if (/lenient/i.test(model)) return 'lenient';
  return 'default';
}

function profileFor(model: string): TargetProfile {
  return PROFILES[profileName(model)];
}

/** How likely this target is to refuse this prompt, before the per-sample draw; exported for measurement. */
export function refusalProbability(options: { prompt: string; model: string; simulatorSeed: number }): number {
  const profile = profileFor(options.model);
  const words = matchCues(options.prompt, TARGET_TRIGGERS).length;
  const intent = matchCues(options.prompt, INTENT_CUES).length;
  const mitigation = matchCues(options.prompt, MITIGATING_CUES).length;
  // Each model has its own quirks about particular prompts.
  const quirk = (unitHash(options.simulatorSeed, options.model, options.prompt, 'quirk') - 0.5) * 0.16;
  const raw = profile.base + profile.perWord * Math.min(words, 3) + profile.perIntent * intent - profile.perMitigation * mitigation + (words > 0 ? quirk : 0);
  return Math.min(0.97, Math.max(0, raw));
}

function fill(text: string, topic: string): string {
  return text.replace(/\{topic\}/g, topic);
}

function compliance(topic: string, random: Random): string {
  const points = random.sample(COMPLIANCE_POINTS, random.int(2, 4));
  const asList = random.chance(0.5);
  const body = fill(asList ? points.map((point, index) => `${index + 1}. ${point}`).join('\n') : points.join(' '), topic);
  return [fill(random.pick(COMPLIANCE_OPENERS), topic), body, fill(random.pick(COMPLIANCE_CLOSERS), topic)]
    .filter((part) => part.length > 0)
    .join(asList ? '\n\n' : ' ');
}

/** The simulated target: refuses with a probability driven by trigger words, else answers helpfully. */
export function answerAsTarget(options: { prompt: string; model: string; simulatorSeed: number; random: Random }): string {
  const { random, prompt } = options;
  const foreign = foreignAnswer({ prompt, refusalProbability: refusalProbability(options), random });
  if (foreign !== null) return foreign;
  const topic = promptTopic(prompt);
  if (!random.chance(refusalProbability(options))) return compliance(topic, random);
  const partial = random.chance(profileFor(options.model).partialShare);
  return fill(refusalText({ ...options, profile: profileName(options.model), partial }), topic);
}
