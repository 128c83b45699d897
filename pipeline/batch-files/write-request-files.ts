import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { RecordedRequest } from './recorded-request.ts';

export interface RequestFile {
  file: string;
  model: string;
  /** The role slots whose requests it holds, with how many each. */
  slots: Record<string, number>;
  requests: number;
}

/**
 * Writes the recorded requests as batch input files, one per model: `vllm run-batch` serves
 * one model at a time. With one model the file is `out` itself; with several, each file is
 * `out` with the model's name before the extension (`requests.sim-judge-1.jsonl`).
 */
export async function writeRequestFiles(options: { out: string; requests: readonly RecordedRequest[] }): Promise<RequestFile[]> {
  const byModel = new Map<string, RecordedRequest[]>();
  for (const request of options.requests) byModel.set(request.model, [...(byModel.get(request.model) ?? []), request]);
  const written: RequestFile[] = [];
  for (const [model, requests] of byModel) {
    const file = byModel.size === 1 ? options.out : modelFile(options.out, model);
    await writeFile(file, requests.map((request) => JSON.stringify(request.line)).join('\n') + '\n');
    const slots: Record<string, number> = {};
    for (const request of requests) slots[request.slot] = (slots[request.slot] ?? 0) + 1;
    written.push({ file, model, slots, requests: requests.length });
  }
  return written;
}

/** `requests.jsonl` and `meta-llama/Llama-3.1-8B` as `requests.meta-llama_Llama-3.1-8B.jsonl`. */
export function modelFile(out: string, model: string): string {
  const extension = extname(out);
  const stem = basename(out, extension);
  return join(dirname(out), `${stem}.${model.replace(/[^A-Za-z0-9._-]+/g, '_')}${extension || '.jsonl'}`);
}
