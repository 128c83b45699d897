/**
 * Upper bounds on what the CLI reads, so one runaway input (a 10 MB "concept", a
 * file of binary junk) is refused at once, naming file and line, instead of
 * taking minutes of CPU and gigabytes of memory further down the pipeline.
 */
export const INPUT_LIMITS = {
  /** A config file is a few kilobytes; anything near this is not a config. */
  configFileBytes: 1024 * 1024,
  /** A seed's concept is a short phrase or sentence. */
  seedConceptCharacters: 1_000,
  seedNotesCharacters: 4_000,
  /** One seed row (JSONL line or CSV record): the concept and notes with room for escapes. */
  seedLineBytes: 64 * 1024,
  seedRowsPerFile: 100_000,
  /** One row of a data file (dedupe.against, --in/--against, refusal classify/eval input, a dataset read back). */
  dataLineBytes: 1024 * 1024,
  dataRowsPerFile: 5_000_000,
} as const;

/** 1048576 as "1 MiB", 65536 as "64 KiB", 10485761 as "10.0 MiB". */
export function formatBytes(bytes: number): string {
  const unit = (size: number, name: string) => `${(bytes / size).toFixed(bytes % size === 0 ? 0 : 1)} ${name}`;
  if (bytes >= 1024 * 1024) return unit(1024 * 1024, 'MiB');
  if (bytes >= 1024) return unit(1024, 'KiB');
  return `${bytes} bytes`;
}
