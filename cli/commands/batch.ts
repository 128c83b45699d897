import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { readExportIndex, settleExportIndex, writeExportIndex } from '../../pipeline/batch-files/export-index.ts';
import { importResults } from '../../pipeline/batch-files/import-results.ts';
import { EXPORTABLE_STAGES, laterWaves, NOT_EXPORTABLE } from '../../pipeline/batch-files/stage-waves.ts';
import { writeRequestFiles, type RequestFile } from '../../pipeline/batch-files/write-request-files.ts';
import { cacheDir, openCache } from '../../pipeline/cost/cache-location.ts';
import type { ResponseCache } from '../../pipeline/cost/response-cache.ts';
import { UserError } from '../../pipeline/errors/user-error.ts';
import type { LoadedConfig } from '../../pipeline/input/load-config.ts';
import { checkEndpoints } from '../../pipeline/models/check-endpoints.ts';
import { flattenRoles, mapRoles } from '../../pipeline/models/roles.ts';
import { checkRunInputs } from '../../pipeline/runs/check-run-inputs.ts';
import { itemStageNamed, STAGES, type ItemStageDeclaration } from '../../pipeline/stages/stage-graph.ts';
import { recordStageRequests, type RecordedStage } from '../../in-process/record-stage-requests.ts';
import { prefixFrom } from '../../workers/queue-names.ts';
import { connectChecked, redisUrlFrom } from '../../workers/redis-connection.ts';
import { RedisResponseCache } from '../../workers/redis-response-cache.ts';
import { abortOnSignals } from '../interrupt.ts';
import { createProgressReporter } from '../progress-reporter.ts';
import { loadConfigOption } from './load-config-option.ts';

interface ExportFlags {
  stage: string;
  config?: string;
  output?: string;
  out?: string;
  quiet?: boolean;
  queue?: boolean;
}

interface ImportFlags {
  in: string[];
  config?: string;
  output?: string;
  queue?: boolean;
}

/** `scarecrow batch export|import`: a stage's requests written for `vllm run-batch` (or any reader of the OpenAI batch file format), and its answers taken back into the response cache. */
export function registerBatchCommand(program: Command): void {
  const batch = program.command('batch').description('Offline batches: write the requests a stage still needs as an OpenAI batch file (for vllm run-batch on your own GPUs), and take the answers back into the response cache.');
  batch
    .command('export')
    .description('Write the requests a stage still needs (those the response cache does not hold) as an OpenAI batch input file, one file per model; the stages before it run as in `run`; no dataset is written.')
    .requiredOption('--stage <stage>', `the stage whose requests to write: ${EXPORTABLE_STAGES.join(', ')}`)
    .option('-c, --config <file>', 'config file (JSON); the embedded defaults when omitted')
    .option('-o, --output <dir>', "folder the dataset folder goes in, whose .scarecrow-cache is used (default: the config's output.dir)")
    .option('--out <file>', 'batch input file to write (default: <name>.<stage>.requests.jsonl here); with several models, one file each with the model in its name')
    .option('-q, --quiet', 'no progress output')
    .option('--queue', 'look answers up in the cache of queued runs, in Redis (REDIS_URL, SCARECROW_QUEUE_PREFIX)')
    .action((flags: ExportFlags) => exportStage(flags));
  batch
    .command('import')
    .description('Store the answers of batch output files (vllm run-batch -o, or an OpenAI batch output) in the response cache, so the next export or run makes no call for them; any bad line refuses the whole import.')
    .requiredOption('--in <files...>', 'batch output file(s) to read')
    .option('-c, --config <file>', 'config file (JSON) the requests were exported with; the embedded defaults when omitted')
    .option('-o, --output <dir>', "the --output the export was given (default: the config's output.dir)")
    .option('--queue', 'store the answers in the cache of queued runs, in Redis (REDIS_URL, SCARECROW_QUEUE_PREFIX), as the export with --queue read it')
    .action((flags: ImportFlags) => importAnswers(flags));
}

async function exportStage(flags: ExportFlags): Promise<void> {
  const stage = exportableStage(flags.stage);
  const loaded = await loadConfigOption(flags.config);
  requireCache(loaded);
  const out = resolve(flags.out ?? `${loaded.config.name}.${stage.name}.requests.jsonl`);
  const folder = await stat(dirname(out)).catch(() => null);
  if (!folder?.isDirectory()) throw new UserError(`--out: ${dirname(out)} is not a folder`, { field: '--out' });
  await checkRunInputs({ loaded, outputDir: flags.output });
  // Only the roles of the stages before it are called; the stage's own endpoints may well be offline.
  await checkEndpoints({ roles: earlierRoles(loaded, stage) });
  const reporter = createProgressReporter({ quiet: flags.quiet });
  const interrupt = abortOnSignals();
  try {
    const recorded = await withStore({ loaded, flags }, (cache) =>
      recordStageRequests({ loaded, stage, outputDir: flags.output, cache, signal: interrupt.signal, onEvent: (event) => reporter.onEvent(event) }),
    );
    reporter.stop();
    const files = recorded.requests.length > 0 ? await writeRequestFiles({ out, requests: recorded.requests }) : [];
    if (files.length > 0) await writeExportIndex({ cacheDir: recorded.cacheDir, stage: stage.name, requests: recorded.requests });
    process.stdout.write(exportLines({ loaded, flags, stage, recorded, files }).join('\n') + '\n');
  } finally {
    reporter.stop();
    interrupt.dispose();
  }
}

function exportableStage(name: string): ItemStageDeclaration {
  const stage = (EXPORTABLE_STAGES as readonly string[]).includes(name) ? itemStageNamed(name) : undefined;
  if (stage) return stage;
  const why = name === 'expand' || name === 'evolve' ? `: ${NOT_EXPORTABLE}` : '';
  throw new UserError(`--stage: ${name} cannot be exported${why}; choose one of ${EXPORTABLE_STAGES.join(', ')}`, { field: '--stage' });
}

function requireCache(loaded: LoadedConfig): void {
  if (loaded.config.cache.enabled) return;
  throw new UserError(`${loaded.file ?? 'config'}: cache.enabled: false, but batch export and import work through the response cache; turn it on`, { file: loaded.file ?? undefined, field: 'cache.enabled' });
}

/** The role slots the stages before `stage` call, as checkEndpoints names them. */
function earlierRoles(loaded: LoadedConfig, stage: ItemStageDeclaration) {
  const before = STAGES.slice(0, STAGES.findIndex((declaration) => declaration.name === stage.name));
  const called = new Set(before.flatMap((declaration) => declaration.roles as readonly string[]));
  const { config } = loaded;
  return flattenRoles(mapRoles(config, config, (role, slot) => ({ name: slot.name, role, called: called.has(slot.role) && !stage.roles.includes(slot.role) }))).filter((slot) => slot.called);
}

function exportLines(options: { loaded: LoadedConfig; flags: ExportFlags; stage: ItemStageDeclaration; recorded: RecordedStage; files: RequestFile[] }): string[] {
  const { loaded, flags, stage, recorded, files } = options;
  const { items } = recorded;
  const earlierCalls = Object.values(recorded.earlierUsage).reduce((sum, usage) => sum + usage.calls, 0);
  const reached = `${items.total} items reached ${stage.name}: ${items.waiting} wait for these answers, ${items.total - items.waiting - items.failed} were answered from the cache${items.failed > 0 ? `, ${items.failed} failed otherwise` : ''}`;
  const earlier = earlierCalls > 0 ? [`the stages before ${stage.name} made ${earlierCalls} calls the cache did not hold (${Object.entries(recorded.earlierUsage).map(([role, usage]) => `${role} ${usage.calls}`).join(', ')}); their answers are cached now`] : [];
  if (files.length === 0) {
    return [`nothing to export: the cache holds every ${stage.name} request of this config (${cacheDirOf(loaded, flags)})`, `  ${reached}`, ...earlier.map((line) => `  ${line}`)];
  }
  const results = (file: string) => file.replace(/(\.requests)?\.jsonl$/, '') + '.results.jsonl';
  const waves = laterWaves(stage.name, loaded.config);
  const configFlag = flags.config ? ` --config ${flags.config}` : '';
  const outputFlag = flags.output ? ` --output ${flags.output}` : '';
  return [
    `${stage.name}: ${recorded.requests.length} requests the cache does not hold, written as OpenAI batch input (one file per model):`,
    ...files.flatMap((file) => [
      `  ${file.file}: ${file.requests} requests to ${file.model} (${Object.entries(file.slots).map(([slot, count]) => `${slot} ${count}`).join(', ')})`,
      `    vllm run-batch -i ${file.file} -o ${results(file.file)} --model ${file.model}`,
    ]),
    `then: scarecrow batch import${configFlag}${outputFlag} --in ${files.map((file) => results(file.file)).join(' ')}`,
    `  ${reached}`,
    ...earlier.map((line) => `  ${line}`),
    ...(waves ? [`  more may follow: ${waves}; after importing, run this export again for the next requests, until it exports none`] : []),
  ];
}

function cacheDirOf(loaded: LoadedConfig, flags: { output?: string }): string {
  return cacheDir({ config: loaded.config, outputDir: flags.output });
}

async function importAnswers(flags: ImportFlags): Promise<void> {
  const loaded = await loadConfigOption(flags.config);
  requireCache(loaded);
  const dir = cacheDirOf(loaded, flags);
  const exported = await readExportIndex(dir);
  if (exported.size === 0) {
    throw new UserError(`no batch export waits for answers in ${dir}: run scarecrow batch export with the same config${flags.output ? ' and --output' : ''} first`, { field: '--in' });
  }
  await withStore({ loaded, flags }, async (store) => {
    const summary = await importResults({ files: flags.in, exported, cache: store });
    const { unanswered } = await settleExportIndex({ cacheDir: dir, cache: store });
    const imported = Object.values(summary.imported).reduce((sum, count) => sum + count, 0);
    const lines = [
      `imported ${imported} answers into ${dir}${imported > 0 ? ` (${Object.entries(summary.imported).map(([slot, count]) => `${slot} ${count}`).join(', ')})` : ''}`,
      ...(summary.failed.count > 0 ? [`${summary.failed.count} lines were not answers (stored nothing; the next export asks them again); the first:`, ...summary.failed.first.map((reason) => `  ${reason}`)] : []),
      ...(unanswered > 0 ? [`${unanswered} exported requests have no answer yet`] : []),
      'next: batch export the same stage again (until it exports none: some requests are asked only once others are answered), or scarecrow run',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  });
}

/**
 * The cache a command reads or writes: with --queue the Redis cache of queued runs (its keys
 * are the same request keys), else the config's embedded one. The export index stays in the
 * config's cache folder either way.
 */
async function withStore<T>(options: { loaded: LoadedConfig; flags: { output?: string; queue?: boolean } }, work: (store: ResponseCache) => Promise<T>): Promise<T> {
  const { config } = options.loaded;
  if (options.flags.queue) {
    const redis = await connectChecked({ url: redisUrlFrom() });
    try {
      return await work(new RedisResponseCache({ redis, prefix: prefixFrom(), ttlMs: config.cache.ttlHours * 3_600_000 }));
    } finally {
      redis.disconnect();
    }
  }
  const store = openCache({ config, outputDir: options.flags.output });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}


