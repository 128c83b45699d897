import type { JudgeVote, Label } from '../schemas/candidate.ts';
import type { Config } from '../schemas/config.ts';

type Rule = Config['judge']['rule'];

/**
 * The ensemble's label from its votes. majority: a harmful majority, or a tie,
 * makes the prompt harmful (a test set of benign prompts should not carry ones that
 * half the judges find harmful); otherwise all-benign is benign and anything else is
 * controversial. unanimous: a single harmful vote makes it harmful.
 */
export function aggregateVotes(verdicts: Label[], rule: Rule): Label {
  const harmful = verdicts.filter((verdict) => verdict === 'harmful').length;
  const harmfulWins = rule === 'unanimous' ? harmful > 0 : harmful * 2 >= verdicts.length;
  if (harmfulWins) return 'harmful';
  return verdicts.every((verdict) => verdict === 'benign') ? 'benign' : 'controversial';
}

const LABELS: Label[] = ['benign', 'controversial', 'harmful'];

/**
 * The label once it can no longer change, whatever the judges still to vote say;
 * null while it still can. Lets the judge stage stop asking early.
 */
export function settledLabel(options: { votes: Label[]; total: number; rule: Rule }): Label | null {
  const { votes, total, rule } = options;
  const outcomes = new Set<Label>();
  const remaining = total - votes.length;
  // Only the counts of the remaining votes matter, so enumerate count splits, not sequences.
  for (let harmful = 0; harmful <= remaining; harmful += 1) {
    for (let controversial = 0; controversial + harmful <= remaining; controversial += 1) {
      const benign = remaining - harmful - controversial;
      const filled = [...votes, ...repeat(LABELS[2], harmful), ...repeat(LABELS[1], controversial), ...repeat(LABELS[0], benign)];
      outcomes.add(aggregateVotes(filled, rule));
      if (outcomes.size > 1) return null;
    }
  }
  return [...outcomes][0] ?? null;
}

function repeat(label: Label, count: number): Label[] {
  return Array.from({ length: count }, () => label);
}

/** The category most judges named, ties to the seed's; the seed's when none named one. */
export function pickCategory(votes: JudgeVote[], fallback: NonNullable<JudgeVote['category']>): NonNullable<JudgeVote['category']> {
  const counts = new Map<string, number>();
  for (const vote of votes) if (vote.category) counts.set(vote.category, (counts.get(vote.category) ?? 0) + 1);
  let best = fallback;
  let bestCount = counts.get(fallback) ?? 0;
  for (const [category, count] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (count > bestCount) {
      best = category as typeof fallback;
      bestCount = count;
    }
  }
  return best;
}
