import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORIES } from '../pipeline/schemas/category.ts';
import { CANT_BASES, RefusalStyle } from '../pipeline/refusal/refusal-cue-data.ts';

/**
 * The simulator's word lists and phrase banks, kept as JSON in ./data so they can be
 * read and edited as data. Each file is checked against its schema when first loaded;
 * a broken file stops the simulator with the file and the field named.
 */

const texts = z.array(z.string().min(1)).min(1);
const textsByKey = z.record(z.string(), texts);

/** A target's refusals of one kind: declining outright, or declining and then giving general help. */
const refusalBank = z.object({ full: texts, partial: texts }).strict();

/** A refusal in words the embedded classifier reads as compliance, given when the text draw falls in [from, to). */
const missedRefusal = z.object({ text: z.string().min(1), from: z.number().min(0).max(1), to: z.number().min(0).max(1) }).strict();

const Cue = z.object({ label: z.string(), weight: z.number(), pattern: z.string() }).strict();

const schemas = {
  cues: z.object({ intent: z.array(Cue), harmWords: z.array(Cue), mitigating: z.array(Cue), targetTriggers: texts }).strict(),
  stems: z.array(z.object({ stem: z.string(), pattern: z.string(), homonyms: texts, figurative: texts, safeTargets: texts }).strict()),
  vocabulary: z
    .object({
      categories: z.record(z.enum(CATEGORIES), z.object({ keywords: texts, professions: texts }).strict()),
      games: texts,
      genres: texts,
      forms: texts,
      places: texts,
      relatives: texts,
      audiences: texts,
      courses: texts,
      publicFigures: texts,
    })
    .strict(),
  'benign-frames': z
    .object({
      full: textsByKey,
      terse: textsByKey,
      bodies: textsByKey,
      openers: z.array(z.object({ text: z.string(), end: z.enum(['?', '.']) }).strict()),
    })
    .strict(),
  askers: z
    .object({
      families: z.record(z.string(), z.string()),
      contexts: textsByKey,
      leadIns: textsByKey,
      details: texts,
    })
    .strict(),
  'harmful-frames': z.object({ frames: z.array(z.object({ pattern: z.string(), text: z.string() }).strict()).min(1), prefaces: texts }).strict(),
  phrases: z
    .object({
      paraphraseGroups: z.array(texts),
      topicSynonyms: textsByKey,
      nearDuplicateSwaps: z.array(z.tuple([z.string(), z.string()])),
      nearDuplicateFillers: texts,
    })
    .strict(),
  mutations: z
    .object({
      sensitiveInsertions: texts,
      driftInsertions: texts,
      safeContexts: texts,
      safeTargetFallbacks: texts,
      figurativeFallbacks: texts,
      domains: texts,
      tenseShifts: z.array(z.tuple([z.string(), z.string()])).min(1),
      tenseFallbacks: texts,
      expansions: texts,
      driftExpansions: texts,
      distinctFillers: texts,
      driftShare: z.record(z.string(), z.number().min(0).max(1)),
    })
    .strict(),
  concepts: z
    .object({
      categories: z.record(z.enum(CATEGORIES), z.object({ acts: texts, objects: texts }).strict()),
      settings: z.array(z.string()).min(1),
      nearDuplicateShare: z.number().min(0).max(1),
    })
    .strict(),
  languages: z.record(
    z.string(),
    z
      .object({
        frames: z.array(z.object({ pattern: z.string(), text: z.string() }).strict()).min(1),
        topics: z.record(z.enum(CATEGORIES), texts),
        details: texts,
        refusals: texts,
        compliances: texts,
      })
      .strict(),
  ),
  'target-texts': z
    .object({
      wontRefusals: z.record(RefusalStyle, refusalBank),
      cantRefusals: z.record(z.enum(CANT_BASES), refusalBank),
      refusalMix: z.record(z.enum(['strict', 'default', 'lenient']), z.object({ cantShare: z.number().min(0).max(1), styles: z.record(RefusalStyle, z.number().min(0)) }).strict()),
      missedRefusals: z.object({ full: missedRefusal, partial: missedRefusal }).strict(),
      complianceOpeners: texts,
      compliancePoints: texts,
      complianceClosers: z.array(z.string()),
    })
    .strict(),
} as const;

type DataName = keyof typeof schemas;

/** Reads and checks one data file; throws an error naming the file and the bad field. */
export function loadSimulatorData<Name extends DataName>(name: Name): z.output<(typeof schemas)[Name]> {
  const url = new URL(`./data/${name}.json`, import.meta.url);
  const file = url.pathname;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (error) {
    throw new Error(`simulator data ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schemas[name].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`simulator data ${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as z.output<(typeof schemas)[Name]>;
}
