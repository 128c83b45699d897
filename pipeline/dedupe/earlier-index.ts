import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { normalisePrompt } from '../text/normalise.ts';
import { DEFAULT_LSH_PARAMETERS, LshParameters } from './lsh-parameters.ts';
import { createSketcher } from './minhash.ts';
import { findCommonShingles, type CommonShingles } from './common-shingles.ts';
import { z } from 'zod';

export const INDEX_FORMAT = 'scarecrow-dedupe-index';

const IndexHeader = z.object({
  format: z.literal(INDEX_FORMAT),
  version: z.literal(1),
  parameters: LshParameters,
  sources: z.array(z.object({ name: z.string(), fingerprint: z.string().nullable() })),
  common: z.array(z.tuple([z.number().int(), z.number().int()])),
  count: z.number().int().min(0),
});
const IndexLine = z.tuple([z.string(), z.number().int().min(0), z.string(), z.string()]);

export interface EarlierSource {
  name: string;
  /** What the source was built from (e.g. a content hash), so unchanged files are not re-read. */
  fingerprint: string | null;
}

/**
 * Earlier data to dedupe against: previous versions of a dataset, published benchmarks.
 * Holds each prompt's normalised form (to verify matches) and its band keys (so a
 * refresh does not re-sketch it). Saved as JSONL: a header line, then one line per prompt.
 * The common-shingle statistics are fixed when the index is built, so its band keys
 * stay valid as it grows; resketch() renews them from a larger body of prompts.
 */
export class EarlierIndex {
  readonly ids: string[] = [];
  readonly normalised: string[] = [];
  readonly sourceOf: number[] = [];
  readonly sources: EarlierSource[] = [];
  private keys: Uint32Array;
  private exact: Map<string, number> | null = null;
  common: CommonShingles = new Map();

  private constructor(readonly parameters: LshParameters) {
    this.keys = new Uint32Array(1024 * parameters.bands);
  }

  static empty(parameters: LshParameters = DEFAULT_LSH_PARAMETERS): EarlierIndex {
    return new EarlierIndex(parameters);
  }

  static build(options: {
    items: { id: string; prompt: string }[];
    source: string;
    fingerprint?: string | null;
    parameters?: LshParameters;
  }): EarlierIndex {
    const index = new EarlierIndex(options.parameters ?? DEFAULT_LSH_PARAMETERS);
    index.common = findCommonShingles({
      texts: options.items.map((item) => normalisePrompt(item.prompt)),
      parameters: index.parameters,
    });
    index.add(options);
    return index;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Band keys of all prompts, `parameters.bands` per prompt. */
  get bandKeys(): Uint32Array {
    return this.keys.subarray(0, this.size * this.parameters.bands);
  }

  sourceName(position: number): string {
    return this.sources[this.sourceOf[position]].name;
  }

  findSource(name: string): EarlierSource | undefined {
    return this.sources.find((source) => source.name === name);
  }

  /** Adds prompts under a source name (a source already present gets more prompts). */
  add(options: { items: { id: string; prompt: string }[]; source: string; fingerprint?: string | null }): void {
    const sketcher = createSketcher({ parameters: this.parameters, common: this.common });
    let sourceIndex = this.sources.findIndex((source) => source.name === options.source);
    if (sourceIndex < 0) {
      sourceIndex = this.sources.push({ name: options.source, fingerprint: options.fingerprint ?? null }) - 1;
    } else if (options.fingerprint !== undefined) {
      this.sources[sourceIndex].fingerprint = options.fingerprint;
    }
    this.reserve(this.size + options.items.length);
    for (const item of options.items) {
      const normalised = normalisePrompt(item.prompt);
      sketcher.bandKeys({ normalised, out: this.keys, offset: this.size * this.parameters.bands });
      this.push({ id: item.id, source: sourceIndex, normalised });
    }
  }

  /** Re-sketches every prompt with new common-shingle statistics. */
  resketch(common: CommonShingles): void {
    this.common = common;
    const sketcher = createSketcher({ parameters: this.parameters, common });
    for (let position = 0; position < this.size; position++) {
      sketcher.bandKeys({ normalised: this.normalised[position], out: this.keys, offset: position * this.parameters.bands });
    }
  }

  /** Drops a source's prompts (e.g. its file changed and is about to be re-added). */
  removeSource(name: string): void {
    const sourceIndex = this.sources.findIndex((source) => source.name === name);
    if (sourceIndex < 0) return;
    const bands = this.parameters.bands;
    let kept = 0;
    for (let position = 0; position < this.size; position++) {
      if (this.sourceOf[position] === sourceIndex) continue;
      this.ids[kept] = this.ids[position];
      this.normalised[kept] = this.normalised[position];
      this.sourceOf[kept] = this.sourceOf[position] > sourceIndex ? this.sourceOf[position] - 1 : this.sourceOf[position];
      this.keys.copyWithin(kept * bands, position * bands, (position + 1) * bands);
      kept++;
    }
    this.ids.length = kept;
    this.normalised.length = kept;
    this.sourceOf.length = kept;
    this.sources.splice(sourceIndex, 1);
    this.exact = null;
  }

  /** Position of an earlier prompt with exactly this normalised form, or -1. */
  findExact(normalised: string): number {
    if (!this.exact) {
      this.exact = new Map();
      for (let position = 0; position < this.size; position++) {
        if (!this.exact.has(this.normalised[position])) this.exact.set(this.normalised[position], position);
      }
    }
    return this.exact.get(normalised) ?? -1;
  }

  async save(path: string): Promise<void> {
    const out = createWriteStream(path, { encoding: 'utf8' });
    const header = {
      format: INDEX_FORMAT,
      version: 1,
      parameters: this.parameters,
      sources: this.sources,
      common: [...this.common],
      count: this.size,
    };
    const bands = this.parameters.bands;
    const write = async (line: string): Promise<void> => {
      if (!out.write(line + '\n')) await once(out, 'drain');
    };
    await write(JSON.stringify(header));
    for (let position = 0; position < this.size; position++) {
      const keys = Buffer.from(this.keys.buffer, this.keys.byteOffset + position * bands * 4, bands * 4);
      await write(JSON.stringify([this.ids[position], this.sourceOf[position], this.normalised[position], keys.toString('base64')]));
    }
    out.end();
    await once(out, 'finish');
  }

  static async load(path: string): Promise<EarlierIndex> {
    const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    let index: EarlierIndex | null = null;
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (lineNumber === 1) {
        const header = IndexHeader.parse(JSON.parse(line));
        index = new EarlierIndex(header.parameters);
        index.sources.push(...header.sources);
        index.common = new Map(header.common);
        index.reserve(header.count);
        continue;
      }
      if (!index || line.trim() === '') continue;
      const [id, source, normalised, keys] = IndexLine.parse(JSON.parse(line));
      const bytes = Buffer.from(keys, 'base64');
      if (bytes.length !== index.parameters.bands * 4 || source >= index.sources.length) {
        throw new Error(`${path}:${lineNumber}: corrupt index line`);
      }
      index.reserve(index.size + 1);
      new Uint8Array(index.keys.buffer, index.keys.byteOffset + index.size * bytes.length, bytes.length).set(bytes);
      index.push({ id, source, normalised });
    }
    if (!index) throw new Error(`${path}: empty index file`);
    return index;
  }

  private push(entry: { id: string; source: number; normalised: string }): void {
    this.ids.push(entry.id);
    this.sourceOf.push(entry.source);
    this.normalised.push(entry.normalised);
    if (this.exact && !this.exact.has(entry.normalised)) this.exact.set(entry.normalised, this.size - 1);
  }

  private reserve(count: number): void {
    const needed = count * this.parameters.bands;
    if (needed <= this.keys.length) return;
    const next = new Uint32Array(Math.max(needed, this.keys.length * 2));
    next.set(this.keys);
    this.keys = next;
  }
}
