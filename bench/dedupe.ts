// Dedupe benchmark: node bin/run-script.js bench/dedupe.ts [--sizes 100000,1000000] [--threshold 0.85]
// Each size runs in its own process so peak RSS is that size's alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureCorpus, type CorpusFigures } from './dedupe/measure-corpus.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    threshold: { type: 'string', default: '0.85' },
    child: { type: 'string' },
    'sample-size': { type: 'string', default: '5000' },
  },
});
const threshold = Number(values.threshold);
const sampleSize = Number(values['sample-size']);

if (values.child) {
  const figures = await measureCorpus({ size: Number(values.child), threshold, sampleSize });
  process.stdout.write(JSON.stringify(figures) + '\n');
} else {
  const rows: CorpusFigures[] = [];
  for (const size of values.sizes.split(',').map(Number)) {
    const child = spawnSync(
      process.execPath,
      ['bin/run-script.js', fileURLToPath(import.meta.url), '--child', String(size), '--threshold', String(threshold), '--sample-size', String(sampleSize)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) throw new Error(`benchmark of ${size} prompts failed (exit ${child.status})`);
    rows.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!));
  }
  console.log(`threshold ${threshold}; recall on a ${sampleSize}-prompt sample against exhaustive comparison`);
  console.log('| prompts | near-dup share | dedupe wall time | corpus RSS | corpus+dedupe peak RSS | candidate pairs | pairs verified | removed (exact / near) | unverified removals | sample recall (found / exhaustive) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.size.toLocaleString('en')} | ${(row.variantShare * 100).toFixed(0)}% | ${(row.dedupeMs / 1000).toFixed(1)} s | ` +
        `${(row.corpusRssBytes / 2 ** 20).toFixed(0)} MiB | ${(row.peakRssBytes / 2 ** 20).toFixed(0)} MiB | ${row.candidatePairs.toLocaleString('en')} | ${row.pairsVerified.toLocaleString('en')} | ` +
        `${row.removedExact.toLocaleString('en')} / ${row.removedNear.toLocaleString('en')} | ${row.unverifiedRemovals} | ` +
        `${row.sampleRecall.toFixed(4)} (${row.sampleFound} / ${row.sampleExhaustive}) |`,
    );
  }
}
