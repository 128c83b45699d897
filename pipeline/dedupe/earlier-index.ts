import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { normalisePrompt } from '../text/normalise.ts';
import { DEFAULT_LSH_PARAMETERS, LshParameters } from './lsh-parameters.ts';
import { createSketcher } from './minhash.ts';
import { findCommonShingles, type CommonShingles } from './common-shingles.ts';
import { WorkSlicer } from './work-slicer.ts';
import { writePartialFile, type PartialFile } from './write-lines-atomically.ts';
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
 * stay valid as it grows; resketch() renews them from a larger body of prompts. Adding,
 * re-sketching and saving pause for the event loop as they go (see WorkSlicer).
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

  static async build(options: {
    items: { id: string; prompt: string }[];
    source: string;
    fingerprint?: string | null;
    parameters?: LshParameters;
    signal?: AbortSignal;
  }): Promise<EarlierIndex> {
    const slicer = new WorkSlicer({ signal: options.signal });
    const index = new EarlierIndex(options.parameters ?? DEFAULT_LSH_PARAMETERS);
    const normalised = await normaliseAll(options.items, slicer);
    index.common = await findCommonShingles({ texts: normalised, parameters: index.parameters, slicer });
    await index.append({ ids: options.items.map((item) => item.id), normalised, sourceIndex: index.sourceIndexFor(options), slicer });
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
  async add(options: { items: { id: string; prompt: string }[]; source: string; fingerprint?: string | null; signal?: AbortSignal }): Promise<void> {
    const slicer = new WorkSlicer({ signal: options.signal });
    const normalised = await normaliseAll(options.items, slicer);
    await this.append({ ids: options.items.map((item) => item.id), normalised, sourceIndex: this.sourceIndexFor(options), slicer });
  }

  /** Re-sketches every prompt with new common-shingle statistics. */
  async resketch(common: CommonShingles, slicer: WorkSlicer = new WorkSlicer()): Promise<void> {
    this.common = common;
    const sketcher = createSketcher({ parameters: this.parameters, common });
    for (let position = 0; position < this.size; position++) {
      sketcher.bandKeys({ normalised: this.normalised[position], out: this.keys, offset: position * this.parameters.bands });
      if (slicer.due(8 + (this.normalised[position].length >> 2))) await slicer.pause();
    }
  }

  /** Drops a source's prompts (e.g. its file changed and is about to be re-added). */
  removeSource(name: string): void {
    this.keepSources((source) => source !== name);
  }

  /**
   * Takes the prompts of every source `keep` refuses out of this index and returns them
   * as an index of their own, to be put back with restore() before a save: an index can
   * hold earlier data that this dedupe was not asked to use.
   */
  setAside(keep: (source: string) => boolean): EarlierIndex {
    const aside = new EarlierIndex(this.parameters);
    aside.common = this.common;
    const bands = this.parameters.bands;
    aside.reserve(this.size);
    for (let position = 0; position < this.size; position++) {
      const source = this.sources[this.sourceOf[position]];
      if (keep(source.name)) continue;
      aside.keys.set(this.keys.subarray(position * bands, (position + 1) * bands), aside.size * bands);
      aside.push({ id: this.ids[position], source: aside.sourceIndexFor({ source: source.name, fingerprint: source.fingerprint }), normalised: this.normalised[position] });
    }
    this.keepSources(keep);
    return aside;
  }

  /** Puts back what setAside() took, re-sketched with this index's statistics when they have changed since. */
  async restore(aside: EarlierIndex, options: { signal?: AbortSignal } = {}): Promise<void> {
    const slicer = new WorkSlicer({ signal: options.signal });
    const bands = this.parameters.bands;
    const sketcher = aside.common === this.common ? null : createSketcher({ parameters: this.parameters, common: this.common });
    this.reserve(this.size + aside.size);
    for (let position = 0; position < aside.size; position++) {
      const source = aside.sources[aside.sourceOf[position]];
      const offset = this.size * bands;
      if (sketcher) sketcher.bandKeys({ normalised: aside.normalised[position], out: this.keys, offset });
      else this.keys.set(aside.keys.subarray(position * bands, (position + 1) * bands), offset);
      this.push({ id: aside.ids[position], source: this.sourceIndexFor({ source: source.name, fingerprint: source.fingerprint }), normalised: aside.normalised[position] });
      if (slicer.due(sketcher ? 8 + (aside.normalised[position].length >> 2) : 1)) await slicer.pause();
    }
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

  /** Writes the index next to `path` and renames it into place, so an interrupted save leaves the old index whole. */
  async save(path: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    await (await this.savePartial(path, options)).commit();
  }

  /** Writes the index beside `path`, to be renamed into place with other files (see writePartialFile). */
  savePartial(path: string, options: { signal?: AbortSignal } = {}): Promise<PartialFile> {
    return writePartialFile(path, this.lines(), options);
  }

  private *lines(): Generator<string> {
    const header = {
      format: INDEX_FORMAT,
      version: 1,
      parameters: this.parameters,
      sources: this.sources,
      common: [...this.common],
      count: this.size,
    };
    const bands = this.parameters.bands;
    yield JSON.stringify(header);
    for (let position = 0; position < this.size; position++) {
      const keys = Buffer.from(this.keys.buffer, this.keys.byteOffset + position * bands * 4, bands * 4);
      yield JSON.stringify([this.ids[position], this.sourceOf[position], this.normalised[position], keys.toString('base64')]);
    }
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

  private sourceIndexFor(options: { source: string; fingerprint?: string | null }): number {
    const existing = this.sources.findIndex((source) => source.name === options.source);
    if (existing < 0) return this.sources.push({ name: options.source, fingerprint: options.fingerprint ?? null }) - 1;
    if (options.fingerprint !== undefined) this.sources[existing].fingerprint = options.fingerprint;
    return existing;
  }

  private async append(options: { ids: string[]; normalised: string[]; sourceIndex: number; slicer: WorkSlicer }): Promise<void> {
    const { ids, normalised, sourceIndex, slicer } = options;
    const sketcher = createSketcher({ parameters: this.parameters, common: this.common });
    this.reserve(this.size + ids.length);
    for (let k = 0; k < ids.length; k++) {
      sketcher.bandKeys({ normalised: normalised[k], out: this.keys, offset: this.size * this.parameters.bands });
      this.push({ id: ids[k], source: sourceIndex, normalised: normalised[k] });
      if (slicer.due(8 + (normalised[k].length >> 2))) await slicer.pause();
    }
  }

  private keepSources(keep: (source: string) => boolean): void {
    const kept = this.sources.map((source) => keep(source.name));
    if (kept.every(Boolean)) return;
    const renumbered = kept.map((flag, index) => (flag ? kept.slice(0, index).filter(Boolean).length : -1));
    const bands = this.parameters.bands;
    let size = 0;
    for (let position = 0; position < this.size; position++) {
      const source = renumbered[this.sourceOf[position]];
      if (source < 0) continue;
      this.ids[size] = this.ids[position];
      this.normalised[size] = this.normalised[position];
      this.sourceOf[size] = source;
      this.keys.copyWithin(size * bands, position * bands, (position + 1) * bands);
      size++;
    }
    this.ids.length = size;
    this.normalised.length = size;
    this.sourceOf.length = size;
    const remaining = this.sources.filter((_, index) => kept[index]);
    this.sources.splice(0, this.sources.length, ...remaining);
    this.exact = null;
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

async function normaliseAll(items: { prompt: string }[], slicer: WorkSlicer): Promise<string[]> {
  const normalised: string[] = new Array(items.length);
  for (let k = 0; k < items.length; k++) {
    normalised[k] = normalisePrompt(items[k].prompt);
    if (slicer.due(1 + (items[k].prompt.length >> 6))) await slicer.pause();
  }
  return normalised;
}
