import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const CHECKPOINT_FILE = 'eval-checkpoint.jsonl';

/** One finished sample: which model answered which prompt, and whether it refused. */
export const CheckpointEntry = z.object({
  model: z.string(),
  id: z.string(),
  sample: z.number().int().min(0),
  refusal: z.boolean(),
  label3: z.enum(['full_compliance', 'full_refusal', 'partial_refusal']),
  decided_by: z.enum(['classifier', 'judge']),
  classifier: z.string(),
  response: z.string().optional().describe("A refusal's text, from which its style and reason are read when eval.json is written; not kept for answers."),
});
export type CheckpointEntry = z.infer<typeof CheckpointEntry>;

export const checkpointKey = (entry: { model: string; id: string; sample: number }) => `${entry.model}\t${entry.id}\t${entry.sample}`;

/**
 * Finished samples from an earlier, interrupted or partial run. A line cut short by a
 * crash, one decided by another classifier version, or a refusal written before refusals
 * kept their text (so its style and reason cannot be read) is simply done again.
 */
export async function readCheckpoint(file: string, classifier: string): Promise<Map<string, CheckpointEntry>> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const entries = new Map<string, CheckpointEntry>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = CheckpointEntry.safeParse(value);
    if (!parsed.success || parsed.data.classifier !== classifier) continue;
    if (parsed.data.refusal && parsed.data.response === undefined) continue;
    entries.set(checkpointKey(parsed.data), parsed.data);
  }
  return entries;
}

/**
 * Appends finished samples as they come, so an interrupted run loses only those in flight.
 * The file is created with the first sample: a run in which nothing finished leaves none.
 */
export async function openCheckpoint(file: string): Promise<{ append(entry: CheckpointEntry): void; close(): Promise<void> }> {
  const earlier = await readFile(file).catch(() => Buffer.alloc(0));
  let stream: WriteStream | null = null;
  const open = (): WriteStream => {
    const opened = createWriteStream(file, { flags: 'a' });
    // A line cut short by a crash must not swallow the next one.
    if (earlier.length > 0 && earlier[earlier.length - 1] !== 10) opened.write('\n');
    return opened;
  };
  return {
    append: (entry) => void (stream ??= open()).write(JSON.stringify(entry) + '\n'),
    close: () => new Promise((resolve, reject) => (stream ? stream.end((error?: Error | null) => (error ? reject(error) : resolve())) : resolve())),
  };
}
