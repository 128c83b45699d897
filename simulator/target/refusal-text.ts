import { CANT_BASES, REFUSAL_STYLES } from '../../pipeline/refusal/refusal-cue-data.ts';
import { unitHash, type Random } from '../random.ts';
import { CANT_REFUSALS, MISSED_REFUSALS, REFUSAL_MIX, WONT_REFUSALS } from './texts.ts';

export type RefusalProfileName = keyof typeof REFUSAL_MIX;

/** The name a draw in [0, 1) falls on, weights taken in the order of `names`. */
function weighted<Name extends string>(names: readonly Name[], weights: Record<Name, number>, draw: number): Name {
  const total = names.reduce((sum, name) => sum + weights[name], 0);
  let left = draw * total;
  for (const name of names) {
    left -= weights[name];
    if (left < 0) return name;
  }
  return names[names.length - 1]!;
}

/**
 * The words a simulated target refuses in. Its first draw is the one that picked a refusal
 * before refusals had styles, and where that draw gave a refusal the embedded classifier
 * misses (reads as compliance), the same words come out: so which samples count as refusals,
 * and the hard set of a run, are unchanged. Every other refusal comes from a bank chosen by a
 * hash of (model, prompt): a "can't" ground (capability, knowledge, missing context) for the
 * profile's cantShare of prompts, else a "won't" style drawn from the profile's weights. So
 * every sample of one prompt is refused in one way and each target has its own mix.
 */
export function refusalText(options: { prompt: string; model: string; simulatorSeed: number; profile: RefusalProfileName; partial: boolean; random: Random }): string {
  const draw = options.random.next();
  const missed = MISSED_REFUSALS[options.partial ? 'partial' : 'full'];
  if (draw >= missed.from && draw < missed.to) return missed.text;
  const mix = REFUSAL_MIX[options.profile];
  const hash = (what: string) => unitHash(options.simulatorSeed, options.model, options.prompt, what);
  const bank =
    hash('refusal-reason') < mix.cantShare
      ? CANT_REFUSALS[CANT_BASES[Math.floor(hash('refusal-ground') * CANT_BASES.length)]!]
      : WONT_REFUSALS[weighted(REFUSAL_STYLES, mix.styles, hash('refusal-style'))];
  return options.random.pick(options.partial ? bank.partial : bank.full);
}
