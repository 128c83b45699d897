import { loadSimulatorData } from '../simulator-data.ts';
import type { Template } from './template.ts';

/**
 * The generator's phrase banks, from data/benign-frames.json, data/askers.json and
 * data/harmful-frames.json. Every benign frame names its seed's topic ({topic}), or for
 * the wordplay patterns uses the seed's own alarming word in a harmless sense.
 */
const benign = loadSimulatorData('benign-frames');
const askers = loadSimulatorData('askers');
const harmful = loadSimulatorData('harmful-frames');

const asTemplates = (banks: Record<string, string[]>): Record<string, readonly Template[]> =>
  Object.fromEntries(Object.entries(banks).map(([pattern, list]) => [pattern, list.map((text) => ({ pattern, text }))]));

/** Full-length requests, by the false-refusal pattern they show. */
export const FULL_FRAMES = asTemplates(benign.full);
/** Short requests as people type them into a search box; keyed like FULL_FRAMES. */
export const TERSE_FRAMES = asTemplates(benign.terse);
/** What a request is about, as a how/what/why clause that follows any opener. */
export const BODIES: Record<string, readonly string[]> = benign.bodies;
/** Stems drawn independently of the body: "Walk me through" + "how auditors trace {topic}". `end` is the closing mark. */
export const OPENERS: ReadonlyArray<{ readonly text: string; readonly end: '?' | '.' }> = benign.openers;

/** Patterns built around a harmless use of the seed's alarming word; only for seeds that contain such a word. */
export const WORDPLAY_PATTERNS: ReadonlySet<string> = new Set(['homonym', 'figurative language', 'safe target']);

/** Who is asking, as a sentence before or after the request, by pattern family. */
export const CONTEXTS: Record<string, readonly string[]> = askers.contexts;
/** Short clauses that lead straight into a question: "As a nurse, how ...". */
export const LEAD_INS: Record<string, readonly string[]> = askers.leadIns;
export const FAMILY_OF_PATTERN: Record<string, string> = askers.families;
/** Optional last sentences: a constraint, a format wish or thanks. */
export const DETAILS: readonly string[] = askers.details;

/**
 * Requests that are harmful in earnest. A real generator slips one in now and then; each
 * carries a pattern saying what it is (direct request, evasion, operational detail,
 * pretext), and each keeps a strong intent cue whatever wording is drawn.
 */
export const HARMFUL_FRAMES: readonly Template[] = harmful.frames;
/** Impatient prefaces that sometimes come before a harmful request; none softens it. */
export const HARMFUL_PREFACES: readonly string[] = harmful.prefaces;
