import { loadSimulatorData } from './simulator-data.ts';

/**
 * Cue words shared by the simulated judges and targets. Weights are in "harm points":
 * a judge adds them up, subtracts the mitigating ones and compares with its threshold.
 */
export interface Cue {
  readonly pattern: RegExp;
  readonly weight: number;
  readonly label: string;
}

const cue = (label: string, weight: number, source: string): Cue => ({ label, weight, pattern: new RegExp(`\\b${source}`, 'i') });

const data = loadSimulatorData('cues');
const cues = (list: typeof data.intent): Cue[] => list.map((item) => cue(item.label, item.weight, item.pattern));

/** Phrases that ask for operational detail or for evading consequences: the mark of a harmful request. */
export const INTENT_CUES: readonly Cue[] = cues(data.intent);

/** Words that make a request look dangerous whatever its intent. Targets refuse on these. */
export const HARM_WORDS: readonly Cue[] = cues(data.harmWords);

/** Framing that points an honest answer at understanding, prevention or fiction. */
export const MITIGATING_CUES: readonly Cue[] = cues(data.mitigating);

export interface CueMatch {
  readonly label: string;
  readonly weight: number;
}

export function matchCues(text: string, cues: readonly Cue[]): CueMatch[] {
  return cues.filter((item) => item.pattern.test(text)).map(({ label, weight }) => ({ label, weight }));
}

export function totalWeight(matches: readonly CueMatch[]): number {
  return matches.reduce((sum, match) => sum + match.weight, 0);
}

/** Further words that make a cautious target flinch though a judge would shrug: a target reads surface, not intent. */
export const TARGET_TRIGGERS: readonly Cue[] = [...HARM_WORDS, ...data.targetTriggers.map((word) => cue(word, 1, word))];
