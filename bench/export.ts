// Export benchmark: node bin/run-script.js bench/export.ts [--sizes 20000,100000]
// Writes a dataset of each size (records shaped like a real run's) and reports the export's
// wall time, the longest the event loop was blocked meanwhile, and the data files' size.
// Each size runs in its own process, so one size's garbage does not slow the next.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureExport, type ExportFigures } from './export/measure-export.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '20000,100000' }, child: { type: 'string' } } });

if (values.child) {
  process.stdout.write(JSON.stringify(await measureExport(Number(values.child))) + '\n');
} else {
  const rows: ExportFigures[] = [];
  for (const size of values.sizes.split(',').map(Number)) {
    const child = spawnSync(process.execPath, ['bin/run-script.js', fileURLToPath(import.meta.url), '--child', String(size)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`benchmark of ${size} records failed (exit ${child.status})`);
    rows.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!));
  }
  console.log('| records | data files | export wall time | longest event-loop block | p99 event-loop delay |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(`| ${row.size.toLocaleString('en')} | ${(row.dataBytes / 2 ** 20).toFixed(0)} MiB | ${(row.exportMs / 1000).toFixed(2)} s | ${row.longestBlockMs.toFixed(0)} ms | ${row.p99DelayMs.toFixed(0)} ms |`);
  }
}
