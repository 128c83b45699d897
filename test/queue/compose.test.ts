import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../pipeline/input/load-config.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { buildImportGraph, ENTRY_POINT, runtimeClosure, topFolder, type ImportGraph } from '../../scripts/import-graph/import-graph.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

interface Service {
  build?: unknown;
  image?: string;
  command?: string[];
  entrypoint?: string[];
  profiles?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(await readFile(join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;
const ours = Object.entries(services).filter(([, service]) => service.build !== undefined);

/** The flags a command really has, read from its --help as a user would see it. */
async function flagsOf(command: string): Promise<Set<string>> {
  const { code, stdout } = await runCliInProcess([command, '--help']);
  expect(code, `scarecrow ${command} --help`).toBe(0);
  return new Set(stdout.match(/--[a-z][a-z-]*/g) ?? []);
}

describe('docker-compose.yml', () => {
  it('runs only real scarecrow commands with real flags', async () => {
    expect(ours.map(([name]) => name).sort()).toEqual(['dashboard', 'run', 'worker']);
    const helps = await Promise.all(ours.map(([, service]) => flagsOf(service.command![0]!)));
    for (const [index, [name, service]] of ours.entries()) {
      const [command, ...args] = service.command!;
      for (const arg of args.filter((arg) => arg.startsWith('--'))) expect(helps[index], `${name}: ${command} ${arg}`).toContain(arg);
    }
  }, 30_000);

  it('keeps Redis durable, non-evicting and health-checked, and makes the others wait for it', () => {
    const redis = services.redis!;
    const command = redis.command!.join(' ');
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(redis.healthcheck?.test.join(' ')).toMatch(/redis-cli ping/);
    expect(redis.volumes?.some((volume) => volume.endsWith(':/data'))).toBe(true);
    expect(Object.keys(compose.volumes)).toContain(redis.volumes![0]!.split(':')[0]);
    for (const [name, service] of ours) {
      expect(service.depends_on?.redis?.condition, name).toBe('service_healthy');
      expect(service.environment?.REDIS_URL, name).toBe('redis://redis:6379');
    }
  });

  it('lets workers scale and stop within a grace period longer than their own', () => {
    const worker = services.worker!;
    expect(worker.ports ?? []).toEqual([]); // a published port would stop --scale
    expect(worker.command).toContain('--grace');
    const graceMs = Number(worker.command![worker.command!.indexOf('--grace') + 1]);
    expect(Number.parseInt(worker.stop_grace_period!, 10) * 1000).toBeGreaterThan(graceMs);
  });

  it('publishes the dashboard and Redis on the loopback interface only', () => {
    for (const service of Object.values(services)) {
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
    expect(services.dashboard!.command!.slice(0, 1)).toEqual(['dashboard']);
  });

  it('offers a local open model in an ollama profile, with a config that loads', async () => {
    expect(services.ollama?.profiles).toEqual(['ollama']);
    expect(services['ollama-pull']?.entrypoint?.join(' ')).toMatch(/ollama pull \S+/);
    const pulled = services['ollama-pull']!.entrypoint!.at(-1);
    const loaded = await loadConfig(join(PROJECT_ROOT, 'workers/compose/ollama.json'));
    expect(loaded.config.generator.baseURL).toBe('http://ollama:11434/v1');
    expect(loaded.config.generator.model).toBe(pulled);
  });

  it('builds from node:20, copies only paths that exist, and copies every folder the CLI loads or reads at run time', async () => {
    const dockerfile = await readFile(join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20\b/m);
    expect(dockerfile).toMatch(/ENTRYPOINT \["node", "bin\/scarecrow\.js"\]/);
    const copied = copySources(dockerfile);
    expect(copied).toContain('package.json');
    for (const source of copied) expect(existsSync(join(PROJECT_ROOT, source)), `COPY ${source}`).toBe(true);

    // The other direction: what bin/scarecrow.js imports, and the files its modules read by path.
    const graph = buildImportGraph(PROJECT_ROOT);
    const { folders, read } = loadedByCli(graph);
    expect(folders).toEqual(expect.arrayContaining(['bin', 'cli', 'pipeline', 'simulator']));
    expect(read.map((asset) => asset.resolved)).toEqual(expect.arrayContaining(['seeds', 'simulator/data', 'pipeline/refusal/refusal-classifier.json']));
    expect(notCopied(copied, graph)).toEqual([]);
    for (const asset of read) expect(existsSync(join(PROJECT_ROOT, asset.resolved)), `${asset.resolved}, read by ${asset.of}:${asset.line}`).toBe(true);
    // node_modules, which package versions are read from, is installed in the image rather than copied.
    expect(graph.assets.some((asset) => asset.resolved === 'node_modules')).toBe(true);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);

    // The check names what a Dockerfile without the simulator would leave out.
    const withoutSimulator = copySources(dockerfile.replace(/^COPY simulator .*$/m, ''));
    expect(notCopied(withoutSimulator, graph)).toEqual([
      'simulator/ is imported by the CLI but not copied',
      expect.stringMatching(/^simulator\/data\/training-texts\.json is read by simulator\/helper\/training-texts\.ts:\d+ but not copied$/),
      expect.stringMatching(/^simulator\/data is read by simulator\/simulator-data\.ts:\d+ but not copied$/),
      expect.stringMatching(/^simulator is read by simulator\/simulator-version\.ts:\d+ but not copied$/),
    ]);
  });
});

/** The source paths of every COPY instruction: all its arguments but the flags and the destination. */
function copySources(dockerfile: string): string[] {
  return [...dockerfile.matchAll(/^COPY\s+(.+)$/gm)].flatMap(([, args]) => args!.split(/\s+/).filter((arg) => !arg.startsWith('--')).slice(0, -1)).map((source) => source.replace(/\/$/, ''));
}

/** The top-level folders bin/scarecrow.js loads code from, and the paths its modules read (the root and node_modules aside). */
function loadedByCli(graph: ImportGraph) {
  const loaded = runtimeClosure(graph, ENTRY_POINT);
  const folders = [...new Set([...loaded].map(topFolder))];
  const read = graph.assets.filter((asset) => loaded.has(asset.of) && asset.resolved !== '' && asset.resolved !== 'node_modules');
  return { folders, read };
}

/** What the CLI needs that no COPY source holds, one line each. */
function notCopied(copied: string[], graph: ImportGraph): string[] {
  const { folders, read } = loadedByCli(graph);
  const isCopied = (path: string) => copied.some((source) => path === source || path.startsWith(`${source}/`));
  return [
    ...folders.filter((folder) => !isCopied(folder)).map((folder) => `${folder}/ is imported by the CLI but not copied`),
    ...read.filter((asset) => !isCopied(asset.resolved)).map((asset) => `${asset.resolved} is read by ${asset.of}:${asset.line} but not copied`),
  ];
}
