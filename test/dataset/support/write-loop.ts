// Writes one dataset folder again and again as fast as it can, as a run's export does, and
// prints how many writes failed: node bin/run-script.js test/dataset/support/write-loop.ts DIR WRITER COUNT
import { writeFolderAtomically } from '../../../pipeline/dataset/write-atomically.ts';

const [target, writer, count] = process.argv.slice(2);
const files = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`data/part-${index}.jsonl`, `${JSON.stringify({ writer, index })}\n`.repeat(200)]));
const errors: string[] = [];
for (let write = 0; write < Number(count); write += 1) {
  await writeFolderAtomically(target!, files).catch((error: Error) => errors.push(error.message));
}
process.stdout.write(JSON.stringify({ writer, writes: Number(count), failed: errors.length, first: errors[0] ?? null }) + '\n');
