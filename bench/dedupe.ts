// Dedupe benchmark: node bin/run-script.js bench/dedupe.ts [--sizes 100000,1000000] [--threshold 0.85]
//   --corpus simulated [--sizes 10000,100000]: the simulator's rewrites that bench:scale's dedupe barrier
//   sees at each size (made once, kept under the temp folder), deduped as the barrier does it.
// Each size runs in its own process so peak RSS is that size's alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureCorpus, type CorpusFigures } from './dedupe/measure-corpus.ts';
import { measureSimulated, type SimulatedFigures } from './dedupe/measure-simulated.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    threshold: { type: 'string', default: '0.85' },
    child: { type: 'string' },
    'sample-size': { type: 'string', default: '5000' },
    corpus: { type: 'string', default: 'synthetic' },
  },
});
const simulated = values.corpus === 'simulated';
if (!simulated && values.corpus !== 'synthetic') throw new Error(`--corpus is synthetic or simulated, got ${values.corpus}`);
const threshold = Number(values.threshold);
const sampleSize = Number(values['sample-size']);

if (values.child) {
  const size = Number(values.child);
  const figures = simulated ? await measureSimulated({ size }) : await measureCorpus({ size, threshold, sampleSize });
  process.stdout.write(JSON.stringify(figures) + '\n');
} else if (simulated) {
  const sizes = values.sizes === '100000,1000000' ? [10_000, 100_000] : values.sizes.split(',').map(Number);
  console.log("the simulator's rewrites of bench:scale's seeds, deduped as its barrier does (threshold from the config's default)");
  console.log('| candidates | dedupe time (CPU) | peak RSS | candidate pairs | pairs bounded | pairs verified | largest bucket | kept | removed (exact / near) | output sha256 |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const size of sizes) {
    const row = runChild<SimulatedFigures>(size);
    const { stats } = row;
    console.log(
      `| ${row.size.toLocaleString('en')} | ${(row.dedupeMs / 1000).toFixed(2)} s (${(row.cpuMs / 1000).toFixed(2)} s) | ${(row.peakRssBytes / 2 ** 20).toFixed(0)} MiB | ${stats.candidatePairs.toLocaleString('en')} | ` +
        `${stats.pairsBounded.toLocaleString('en')} | ${stats.pairsVerified.toLocaleString('en')} | ${stats.largestBucket} | ${row.kept.toLocaleString('en')} | ` +
        `${row.removedExact.toLocaleString('en')} / ${row.removedNear.toLocaleString('en')} | ${row.outputHash.slice(0, 16)} |`,
    );
  }
} else {
  const rows: CorpusFigures[] = [];
  for (const size of values.sizes.split(',').map(Number)) rows.push(runChild<CorpusFigures>(size));
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

function runChild<T>(size: number): T {
  const child = spawnSync(
    process.execPath,
    ['bin/run-script.js', fileURLToPath(import.meta.url), '--child', String(size), '--threshold', String(threshold), '--sample-size', String(sampleSize), '--corpus', values.corpus!],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`benchmark of ${size} prompts failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as T;
}
