import type { BatchRequestLine } from '../batch-api/batch-line.ts';

/**
 * A request a stage needs that the response cache does not hold, as an export keeps it:
 * its line for the batch file, and what an import needs to check and store its answer.
 * Its custom_id is its request key, the key the answer is cached under.
 */
export interface RecordedRequest {
  line: BatchRequestLine;
  /** The role slot that asks it (`judges[1]`). */
  slot: string;
  model: string;
  /** Whether the answer is a JSON object (a response_format was sent) or plain text. */
  structured: boolean;
}
