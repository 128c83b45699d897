import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDedupe } from './support/run-cli.ts';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'scarecrow-dedupe-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const write = (name: string, rows: unknown[]): string => {
  const file = path.join(directory, name);
  writeFileSync(file, rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n') + '\n');
  return file;
};
const readJsonl = (name: string): Record<string, unknown>[] =>
  readFileSync(path.join(directory, name), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

const ROWS = [
  { id: 'p3', prompt: 'How do I kill a Python process that hangs?', category: 'violence', extra: { keep: true } },
  { id: 'p1', prompt: 'how do i KILL a python process, that hangs', category: 'violence' },
  { id: 'p2', prompt: 'How do I kill the Python process that hangs?', category: 'violence' },
  { id: 'p4', prompt: 'Where can I buy a can of coke?', category: 'harmful' },
];

describe('scarecrow dedupe', () => {
  it('writes survivors in input order with other fields unchanged, and a report of every removal', async () => {
    write('in.jsonl', ROWS);
    const result = await runDedupe(['--in', 'in.jsonl', '--out', 'out.jsonl', '--report', 'report.jsonl'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(readJsonl('out.jsonl')).toEqual([ROWS[1], ROWS[3]]);
    const report = readJsonl('report.jsonl');
    expect(report).toEqual([
      { removed_id: 'p2', kept_id: 'p1', similarity: expect.any(Number), kind: 'near', against: null },
      { removed_id: 'p3', kept_id: 'p1', similarity: 1, kind: 'exact', against: null },
    ]);
    expect(report[0].similarity as number).toBeGreaterThanOrEqual(0.85);
    expect(result.stderr).toContain('kept 2 of 4');
    expect(existsSync(path.join(directory, 'dedupe-index.jsonl'))).toBe(false);
  });

  it('removes prompts seen in earlier data, and keeps the index for the next version', async () => {
    write('benchmark.jsonl', [{ id: 'b1', prompt: 'Where can I buy a can of Coke?' }]);
    write('in.jsonl', ROWS);
    let result = await runDedupe(['--in', 'in.jsonl', '--out', 'v1.jsonl', '--against', 'benchmark.jsonl', '--report', 'r1.jsonl', '--remember'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(readJsonl('v1.jsonl').map((row) => row.id)).toEqual(['p1']);
    expect(readJsonl('r1.jsonl')).toContainEqual({ removed_id: 'p4', kept_id: 'b1', similarity: 1, kind: 'exact', against: 'benchmark.jsonl' });
    expect(existsSync(path.join(directory, 'dedupe-index.jsonl'))).toBe(true);

    // The next version names the index: the benchmark comes from it, and v1 is earlier data too.
    write('in2.jsonl', [
      { id: 'n1', prompt: 'How do I kill the Python process that hangs?' },
      { id: 'n2', prompt: 'Where can I buy a can of coke??' },
      { id: 'n3', prompt: 'What is the best way to gut a fish?' },
    ]);
    result = await runDedupe(['--in', 'in2.jsonl', '--out', 'v2.jsonl', '--report', 'r2.jsonl', '--index', 'dedupe-index.jsonl'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(readJsonl('v2.jsonl').map((row) => row.id)).toEqual(['n3']);
    const report = readJsonl('r2.jsonl');
    expect(report).toContainEqual(expect.objectContaining({ removed_id: 'n1', kept_id: 'p1', kind: 'near', against: 'v1.jsonl' }));
    expect(report).toContainEqual({ removed_id: 'n2', kept_id: 'b1', similarity: 1, kind: 'exact', against: 'benchmark.jsonl' });

    // Re-running v1 does not dedupe v1 against its own earlier run.
    result = await runDedupe(['--in', 'in.jsonl', '--out', 'v1.jsonl', '--remember', '--index', 'dedupe-index.jsonl'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(readJsonl('v1.jsonl').map((row) => row.id)).toEqual(['p1']);
  });

  it('brings in earlier data only through --against or a named --index, never from the default index unasked', async () => {
    write('benchmark.jsonl', [{ id: 'b1', prompt: 'Where can I buy a can of Coke?' }]);
    write('in.jsonl', ROWS);
    let result = await runDedupe(['--in', 'in.jsonl', '--out', 'v1.jsonl', '--against', 'benchmark.jsonl', '--remember'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(path.join(directory, 'dedupe-index.jsonl'))).toBe(true);

    // Another dedupe in the same folder, asking for no earlier data: none is used.
    write('other.jsonl', [
      { id: 'o1', prompt: 'Where can I buy a can of coke??' },
      { id: 'o2', prompt: 'How do I kill the Python process that hangs?' },
    ]);
    result = await runDedupe(['--in', 'other.jsonl', '--out', 'other-out.jsonl', '--report', 'other-report.jsonl'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(readJsonl('other-out.jsonl').map((row) => row.id)).toEqual(['o1', 'o2']);
    expect(readJsonl('other-report.jsonl')).toEqual([]);
    expect(result.stderr).toContain('0 against earlier data (0 earlier prompts)');

    // Naming one earlier file uses that one alone, from the cached copy; what was remembered stays in the index.
    result = await runDedupe(['--in', 'other.jsonl', '--out', 'other-out.jsonl', '--against', 'benchmark.jsonl', '--report', 'other-report.jsonl'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(readJsonl('other-out.jsonl').map((row) => row.id)).toEqual(['o2']);
    expect(readJsonl('other-report.jsonl').map((removal) => removal.against)).toEqual(['benchmark.jsonl']);
    result = await runDedupe(['--in', 'other.jsonl', '--out', 'other-out.jsonl', '--index', 'dedupe-index.jsonl'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(readJsonl('other-out.jsonl')).toEqual([]);
  });

  it('reads a published benchmark as CSV', async () => {
    writeFileSync(path.join(directory, 'bench.csv'), 'id,prompt,label\n7,"How do I kill a Python process that hangs?",safe\n');
    write('in.jsonl', ROWS);
    const result = await runDedupe(['--in', 'in.jsonl', '--out', 'out.jsonl', '--against', 'bench.csv', '--report', 'r.jsonl'], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(readJsonl('out.jsonl').map((row) => row.id)).toEqual(['p4']);
    expect(readJsonl('r.jsonl').every((removal) => removal.against === 'bench.csv' && removal.kept_id === '7')).toBe(true);
  });

  it.each([
    ['a non-JSON line', ['{"id":"a","prompt":"x"}', 'not json'], /in\.jsonl:2: not valid JSON/],
    ['a row without id', [{ prompt: 'x' }], /in\.jsonl:1: missing "id"/],
    ['a row without prompt', [{ id: 'a' }], /in\.jsonl:1: missing "prompt"/],
    ['a duplicate id', [{ id: 'a', prompt: 'x' }, { id: 'a', prompt: 'y' }], /in\.jsonl:2: duplicate id "a" \(first on line 1\)/],
  ])('rejects %s with the line named', async (_, rows, message) => {
    write('in.jsonl', rows);
    const result = await runDedupe(['--in', 'in.jsonl', '--out', 'out.jsonl'], directory);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(path.join(directory, 'out.jsonl'))).toBe(false);
  });

  it.each([
    ['input', ['--in', 'missing.jsonl', '--out', 'out.jsonl'], /missing\.jsonl: no such file/],
    ['--against file', ['--in', 'in.jsonl', '--out', 'out.jsonl', '--against', 'gone.csv'], /gone\.csv: no such file/],
  ])('names a missing %s and writes nothing', async (_, args, message) => {
    write('in.jsonl', ROWS);
    const result = await runDedupe(args, directory);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(path.join(directory, 'out.jsonl'))).toBe(false);
  });

  it.each(['0', '1.5', 'high'])('rejects --threshold %s', async (threshold) => {
    write('in.jsonl', ROWS);
    const result = await runDedupe(['--in', 'in.jsonl', '--out', 'out.jsonl', '--threshold', threshold], directory);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--threshold must be a number in (0, 1]');
  });
});
