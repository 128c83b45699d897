import { CUE_FAMILY_NAMES } from './cue-matcher.ts';
import { combineHash, hashString } from './hashing.ts';

/**
 * What each sentence of a response does (declines, moralises, corrects, redirects,
 * complies), collected while the feature extractor walks the tokens. A partial refusal is
 * a shape, not a phrase: "I can't do X" somewhere in the first sentences, then "however,
 * here is ..." and a list or code. Word features cannot see that order; these can.
 */
export interface SentenceShape {
  /** Cue families seen in each sentence, as bit masks; the last slot collects the rest. */
  masks: Int32Array;
  sentences: number;
  questionMarks: number;
  codeFences: number;
  /** List items seen after the first declining sentence. */
  itemsAfterDecline: number;
  firstDecline: number;
}

export const SHAPE_SLOTS = 8;

function familyBits(names: readonly string[]): number {
  return names.reduce((bits, name) => bits | (1 << CUE_FAMILY_NAMES.indexOf(name)), 0);
}

// Kinds of sentence, coarser than cue families so that combinations stay few and shared across models.
const DECLINE = familyBits(['inability', 'unwillingness']);
const SELF = familyBits(['identity', 'selfDisclaimer', 'knowledge']);
const CAUTION = familyBits(['judgement', 'moralising', 'premise']);
const CONDEMN = familyBits(['condemnation']);
const REDIRECT = familyBits(['redirection', 'clarification']);
const COMPLY = familyBits(['compliance']);
const APOLOGY = familyBits(['apology']);
const KINDS = [DECLINE, SELF, CAUTION, REDIRECT, COMPLY, APOLOGY, CONDEMN];

const NS = {
  kinds: [0, 1, 2].map((slot) => hashString(`shape-kinds${slot}`)),
  sequence: hashString('shape-sequence'),
  firstDecline: hashString('shape-first-decline'),
  declineCount: hashString('shape-decline-count'),
  questions: hashString('shape-questions'),
  code: hashString('shape-code'),
  anyKind: hashString('shape-any-kind'),
};

export function createSentenceShape(): SentenceShape {
  return {
    masks: new Int32Array(SHAPE_SLOTS),
    sentences: 0,
    questionMarks: 0,
    codeFences: 0,
    itemsAfterDecline: 0,
    firstDecline: -1,
  };
}

export function resetSentenceShape(shape: SentenceShape): void {
  shape.masks.fill(0);
  shape.sentences = 0;
  shape.questionMarks = 0;
  shape.codeFences = 0;
  shape.itemsAfterDecline = 0;
  shape.firstDecline = -1;
}

/** Records a cue of `family` in sentence `sentence`. */
export function noteCue(shape: SentenceShape, options: { family: number; sentence: number }): void {
  const { family, sentence } = options;
  const slot = Math.min(sentence, SHAPE_SLOTS - 1);
  shape.masks[slot] |= 1 << family;
  if (shape.firstDecline < 0 && (DECLINE & (1 << family)) !== 0) shape.firstDecline = sentence;
}

function kindsOf(mask: number): number {
  let kinds = 0;
  for (let kind = 0; kind < KINDS.length; kind += 1) {
    if ((mask & KINDS[kind]) !== 0) kinds |= 1 << kind;
  }
  return kinds;
}

/** Kinds of each slot's sentence, reused by every call (emitShapeFeatures runs once per response). */
const slotKinds = new Int32Array(SHAPE_SLOTS);

function bucket(value: number, top: number): number {
  return Math.min(top, value);
}

/**
 * Emits the shape features through `add`: the kinds of the first three sentences alone and
 * as a sequence; where the first decline falls, crossed with whether content follows it
 * (list items, code, more sentences) and with a coarse length; how many sentences decline;
 * questions back to the user; code blocks.
 */
export function emitShapeFeatures(options: { shape: SentenceShape; lengthClass: number; add: (hash: number, value: number) => void; scale: number }): void {
  const { shape, lengthClass, add, scale } = options;
  const kinds = slotKinds;
  for (let slot = 0; slot < SHAPE_SLOTS; slot += 1) kinds[slot] = kindsOf(shape.masks[slot]);
  let sequence = 0;
  for (let slot = 0; slot < 3; slot += 1) {
    add(combineHash(NS.kinds[slot], kinds[slot]), scale);
    sequence = sequence * 128 + kinds[slot];
  }
  add(combineHash(NS.sequence, sequence), scale);
  let anyKinds = 0;
  let declining = 0;
  for (let slot = 0; slot < SHAPE_SLOTS; slot += 1) {
    anyKinds |= kinds[slot];
    if ((kinds[slot] & 1) !== 0) declining += 1;
  }
  add(combineHash(NS.anyKind, anyKinds), scale);
  const first = shape.firstDecline < 0 ? 15 : bucket(shape.firstDecline, 4);
  const contentAfter = (shape.itemsAfterDecline > 0 ? 1 : 0) + (shape.codeFences > 0 ? 2 : 0) + (shape.sentences - Math.max(0, shape.firstDecline) > 3 ? 4 : 0);
  add(combineHash(NS.firstDecline, first * 64 + contentAfter * 4 + lengthClass), scale);
  add(combineHash(NS.declineCount, bucket(declining, 3)), scale);
  add(combineHash(NS.questions, bucket(shape.questionMarks, 3) * 2 + (kinds[0] & 1)), scale);
  add(combineHash(NS.code, bucket(shape.codeFences, 2)), scale);
}
