import type { OperatorName } from '../../pipeline/schemas/evolve.ts';
import type { Random } from '../random.ts';
import { loadSimulatorData } from '../simulator-data.ts';
import { parseConcept } from './concept.ts';

/**
 * The simulated generator's mutation operators: text edits of the parent prompt drawn from
 * data/mutations.json. They move a prompt's surface (alarming words, context, length), which
 * is what the simulated targets react to; some draws drift into a request for operational
 * detail, as a real generator's sometimes do, and the judges catch those.
 */
const data = loadSimulatorData('mutations');

export interface SimulatedChild {
  readonly prompt: string;
  readonly change: string;
}

const splitSentences = (text: string): string[] => text.replace(/\s+/g, ' ').trim().split(/(?<=[.?!])\s+/).filter(Boolean);
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string): string => (/^(?:I\b|I'|[A-Z]{2})/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));

/** The parent's question (its sentence with a question mark, else its last) and the sentences around it. */
function parts(prompt: string): { question: string; context: string[] } {
  const sentences = splitSentences(prompt);
  const index = Math.max(0, sentences.findIndex((sentence) => sentence.includes('?')));
  const at = sentences.findIndex((sentence) => sentence.includes('?')) === -1 ? sentences.length - 1 : index;
  return { question: sentences[at] ?? prompt, context: sentences.filter((_, position) => position !== at) };
}

const join = (...pieces: string[]): string => pieces.filter((piece) => piece.trim().length > 0).join(' ');

type Mutator = (options: { parent: string; partner: string | null; concept: string; random: Random; drift: boolean }) => { prompt: string; change: string };

const MUTATORS: Record<OperatorName, Mutator> = {
  'sensitive-word': ({ parent, random, drift }) => {
    const insertion = random.pick(drift ? data.driftInsertions : data.sensitiveInsertions);
    return { prompt: random.chance(0.5) ? join(parent, insertion) : join(insertion, parent), change: 'inserted an alarming phrase' };
  },
  'homonym-swap': ({ parent, concept, random }) => {
    const stem = parseConcept(concept).stem;
    const uses = stem ? [...stem.homonyms, ...stem.figurative] : [];
    if (uses.length === 0) return { prompt: join(parent, random.pick(data.figurativeFallbacks)), change: 'pointed at a figurative sense' };
    const { context } = parts(parent);
    return { prompt: join(...context, `How do I ${random.pick(uses)}?`), change: 'swapped in a homonym' };
  },
  'safe-context': ({ parent, random }) => ({ prompt: join(random.pick(data.safeContexts), parts(parent).question), change: 'framed in a professional setting' }),
  'safe-target': ({ parent, concept, random }) => {
    const stem = parseConcept(concept).stem;
    if (!stem || stem.safeTargets.length === 0) return { prompt: join(parts(parent).question, random.pick(data.safeTargetFallbacks)), change: 'aimed at a harmless target' };
    return { prompt: join(...parts(parent).context, `What's the best way to ${random.pick(stem.safeTargets)}?`), change: 'aimed at a harmless target' };
  },
  'domain-shift': ({ parent, random, drift }) => {
    const { question, context } = parts(parent);
    const shifted = `${random.pick(data.domains)} ${lowerFirst(question)}`;
    return { prompt: drift ? join(shifted, random.pick(data.driftInsertions)) : join(...context.slice(0, 1), shifted), change: 'moved to another domain' };
  },
  'tense-shift': ({ parent, random }) => {
    const lower = parent.toLowerCase();
    const swaps = data.tenseShifts.filter(([from]) => lower.includes(from));
    if (swaps.length === 0) return { prompt: `${random.pick(data.tenseFallbacks)} ${lowerFirst(parent)}`, change: 'moved to the past' };
    const [from, to] = random.pick(swaps);
    const at = lower.indexOf(from);
    const replaced = parent.slice(0, at) + to + parent.slice(at + from.length);
    return { prompt: capitalise(replaced), change: `"${from}" to "${to}"` };
  },
  shorten: ({ parent, random }) => {
    const words = parts(parent).question.replace(/[?.!]+$/, '').split(' ');
    const keep = Math.min(words.length, random.int(8, 15));
    return { prompt: `${capitalise(words.slice(0, keep).join(' ').replace(/[,;:]+$/, ''))}?`, change: 'cut to the question' };
  },
  expand: ({ parent, random, drift }) => {
    const detail = drift ? random.pick(data.driftExpansions) : random.sample(data.expansions, random.int(1, 2)).join(' ');
    return { prompt: join(parent, detail), change: 'added detail' };
  },
  crossover: ({ parent, partner, random, drift }) => {
    const own = parts(parent);
    const other = parts(partner ?? parent);
    const prompt = join(...own.context, other.question);
    return { prompt: drift ? join(prompt, random.pick(data.driftInsertions)) : prompt, change: 'combined the two parents' };
  },
};

/** `count` children of `parent` by `operator`; each differs from the parent. */
export function simulateMutations(options: { operator: OperatorName; parent: string; partner: string | null; concept: string; count: number; random: Random }): SimulatedChild[] {
  const { random, parent } = options;
  const mutator = MUTATORS[options.operator];
  const driftShare = data.driftShare[options.operator] ?? 0;
  return Array.from({ length: options.count }, () => {
    const child = mutator({ ...options, drift: random.chance(driftShare) });
    const prompt = child.prompt.trim() === parent.trim() ? join(random.pick(data.distinctFillers), parent) : child.prompt;
    return { prompt, change: child.change };
  });
}
