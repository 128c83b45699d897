import type { DatasetRecord } from '../schemas/candidate.ts';

export interface JudgeAgreement {
  records: number;
  /** Share of records whose judges all gave the same verdict. */
  unanimous: number | null;
  /** Share of judge pairs, over all records, that gave the same verdict. */
  pairwise: number | null;
  /** Agreement of each pair of judge models, over the records both voted on. */
  pairs: { a: string; b: string; agreement: number; records: number }[];
}

/** How far the judge ensemble agreed: the less it did, the more controversial the set. */
export function judgeAgreement(records: DatasetRecord[]): JudgeAgreement {
  let unanimous = 0;
  let voted = 0;
  let agreeingPairs = 0;
  let pairs = 0;
  const byPair = new Map<string, { a: string; b: string; agree: number; total: number }>();
  for (const record of records) {
    const votes = record.votes;
    if (votes.length < 2) continue;
    voted += 1;
    if (votes.every((vote) => vote.verdict === votes[0]!.verdict)) unanimous += 1;
    for (let i = 0; i < votes.length; i += 1) {
      for (let j = i + 1; j < votes.length; j += 1) {
        const [a, b] = [votes[i]!.model, votes[j]!.model].sort() as [string, string];
        const same = votes[i]!.verdict === votes[j]!.verdict;
        pairs += 1;
        if (same) agreeingPairs += 1;
        const key = `${a}\t${b}`;
        const entry = byPair.get(key) ?? { a, b, agree: 0, total: 0 };
        entry.total += 1;
        if (same) entry.agree += 1;
        byPair.set(key, entry);
      }
    }
  }
  return {
    records: voted,
    unanimous: voted > 0 ? unanimous / voted : null,
    pairwise: pairs > 0 ? agreeingPairs / pairs : null,
    pairs: [...byPair.values()].sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b)).map((pair) => ({ a: pair.a, b: pair.b, agreement: pair.agree / pair.total, records: pair.total })),
  };
}

/** Mean probe refusal rate of each target over the prompts it was probed on, and how many it refused. */
export function targetRefusals(records: DatasetRecord[], threshold = 0.5): { model: string; prompts: number; meanRate: number; refused: number }[] {
  const byModel = new Map<string, { prompts: number; sum: number; refused: number }>();
  for (const record of records) {
    for (const probe of record.probes) {
      const entry = byModel.get(probe.model) ?? { prompts: 0, sum: 0, refused: 0 };
      entry.prompts += 1;
      entry.sum += probe.refusal_rate;
      if (probe.refusal_rate >= threshold) entry.refused += 1;
      byModel.set(probe.model, entry);
    }
  }
  return [...byModel].sort(([a], [b]) => a.localeCompare(b)).map(([model, entry]) => ({ model, prompts: entry.prompts, meanRate: entry.sum / entry.prompts, refused: entry.refused }));
}
