import type { Config } from '../schemas/config.ts';

/** The item stages an export can record: those that decide every call from the item alone or from answers within it. */
export const EXPORTABLE_STAGES = ['generate', 'judge', 'probe'] as const;

/**
 * Why a stage's requests may come in more than one export: a stage that asks some requests
 * only after others are answered shows the later ones to an export only once the earlier
 * answers are imported. Null when every request of the stage is known at once for this config.
 */
export function laterWaves(stage: string, config: Config): string | null {
  if (stage === 'judge' && config.judges.length > 1) {
    return 'judge asks its judges one after another, the next only when the votes so far do not settle the label';
  }
  if (stage === 'probe' && config.refusalJudge) {
    return "probe sends a target's answer to the refusal judge only when the classifier is unsure of it, which is known once the targets' answers are in";
  }
  if (stage === 'generate' && config.generate.languages.length > 1) {
    return 'generate asks for one language after another';
  }
  return null;
}

/** Why expand and evolve cannot be exported: what they ask next depends on the answers they got. */
export const NOT_EXPORTABLE = 'expand and evolve choose each request from the answers before it (rounds until enough distinct concepts, search rounds), so they cannot be written ahead';
