import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../bench/dedupe/synthetic-corpus.ts';
import { loadVocabulary } from '../../bench/dedupe/vocabulary.ts';
import { findDuplicates, type DedupeItem } from '../../pipeline/dedupe/find-duplicates.ts';
import { seededRandom } from '../../pipeline/dedupe/minhash.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const vocabulary = loadVocabulary();

/**
 * Two 1.5 MB prompts a dedupe must compare: the same opening (so the same sketch), the
 * same length and letters, and an edit every 150 characters after it. Exact Levenshtein
 * over them is about 10^11 steps.
 */
function longTwins(): DedupeItem[] {
  const random = seededRandom(21);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const codes = Array.from({ length: 1_500_000 }, () => letters[Math.floor(random() * 26)]);
  const twin = [...codes];
  for (let at = 20_000; at + 1 < twin.length; at += 150) [twin[at], twin[at + 1]] = [twin[at + 1], twin[at]];
  return [
    { id: 'long-a', prompt: codes.join('') },
    { id: 'long-b', prompt: twin.join('') },
  ];
}

/** Aborts `work` after `afterMs` and says how long it took to stop from then, and the longest the event loop went unserved. */
async function abortDuring(work: (signal: AbortSignal) => Promise<unknown>, afterMs: number): Promise<{ error: unknown; stopMs: number; longestGapMs: number }> {
  const controller = new AbortController();
  let last = performance.now();
  let longestGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 10);
  let abortedAt = 0;
  const timer = setTimeout(() => {
    abortedAt = performance.now();
    controller.abort(new DOMException('interrupted', 'AbortError'));
  }, afterMs);
  try {
    await work(controller.signal);
    return { error: null, stopMs: Number.NaN, longestGapMs };
  } catch (error) {
    return { error, stopMs: performance.now() - abortedAt, longestGapMs };
  } finally {
    clearInterval(ticker);
    clearTimeout(timer);
  }
}

describe('a long dedupe', () => {
  it('keeps the event loop served and stops within a second of an abort, mid-way through 150,000 prompts', async () => {
    const items = [...syntheticCorpus({ seed: 9, variantShare: 0.2, vocabulary, count: 150_000 })];
    const stopped = await abortDuring((signal) => findDuplicates({ items, threshold: 0.85, signal }), 1500);
    expect(stopped.error).toMatchObject({ name: 'AbortError' });
    expect(stopped.stopMs).toBeLessThan(1000);
    expect(stopped.longestGapMs).toBeLessThan(500);
  }, 60_000);

  it('stops within a second of an abort while comparing two very long prompts', async () => {
    const items = [...longTwins(), { id: 'short', prompt: 'How do I kill a Python process?' }];
    const stopped = await abortDuring((signal) => findDuplicates({ items, threshold: 0.85, signal }), 300);
    expect(stopped.error).toMatchObject({ name: 'AbortError' });
    expect(stopped.stopMs).toBeLessThan(1000);
  }, 60_000);

  it('caps the work on two very long prompts: both are kept and the pair is counted as undecided', async () => {
    const started = performance.now();
    const result = await findDuplicates({ items: longTwins(), threshold: 0.85 });
    expect(result.keptIds).toEqual(['long-a', 'long-b']);
    expect(result.stats.pairsUndecided).toBe(1);
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe('scarecrow dedupe and SIGTERM', () => {
  it('exits 130 within a second of SIGTERM mid-dedupe and leaves no output, whole or partial', async () => {
    const dir = await temp.make();
    const rows = [...syntheticCorpus({ seed: 10, variantShare: 0.2, vocabulary, count: 150_000 })].map((item) => JSON.stringify(item));
    await writeFile(join(dir, 'in.jsonl'), rows.join('\n') + '\n');
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/scarecrow.js'), 'dedupe', '--in', 'in.jsonl', '--out', 'out.jsonl', '--report', 'report.jsonl'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let signalledAt = 0;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // Once the input is read the long part starts; give it a moment to be well into it.
      if (!signalledAt && stderr.includes('prompts read')) setTimeout(() => {
        signalledAt = performance.now();
        child.kill('SIGTERM');
      }, 500);
    });
    const { code } = await exited;
    const exitMs = performance.now() - signalledAt;
    expect(signalledAt, stderr).toBeGreaterThan(0);
    expect(code, stderr).toBe(130);
    expect(exitMs).toBeLessThan(1000);
    expect(stderr).toContain('stopped: nothing was written');
    expect(await readdir(dir)).toEqual(['in.jsonl']);
  }, 120_000);
});
