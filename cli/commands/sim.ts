import type { Command } from 'commander';
import { UserError } from '../../pipeline/errors/user-error.ts';
import { FAULT_KINDS, type FaultKind } from '../../simulator/faults.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/start-simulator.ts';
import { abortOnSignals } from '../interrupt.ts';
import { numberFlag } from '../parse-flags.ts';

interface SimFlags {
  port: string;
  host: string;
  seed: string;
  latencyMs: string;
  latencyJitterMs: string;
  faultRate: string;
  faults: string;
  batchDelayMs: string;
  batchFailureRate: string;
  /** false with --no-batch-api. */
  batchApi: boolean;
}

function faultKinds(value: string): FaultKind[] {
  const kinds = value.split(',').map((kind) => kind.trim()).filter(Boolean);
  const unknown = kinds.filter((kind) => !(FAULT_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0 || kinds.length === 0) {
    throw new UserError(`--faults must list some of ${FAULT_KINDS.join(', ')}, got "${value}"`, { field: '--faults' });
  }
  return kinds as FaultKind[];
}

async function start(options: Parameters<typeof startSimulator>[0] & { port: number; host: string }): Promise<RunningSimulator> {
  try {
    return await startSimulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`--port ${options.port} is already in use on ${options.host}; pick another or use --port 0`, { field: '--port' });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UserError(`--host ${options.host} is not an address of this machine`, { field: '--host' });
    throw error;
  }
}

export function registerSimCommand(program: Command): void {
  program
    .command('sim')
    .description('Run the built-in model simulator on its own: an OpenAI-compatible server whose answers come from templates, for offline runs and tests.')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '8089')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--seed <seed>', 'seed of the simulated answers', '0')
    .option('--latency-ms <ms>', 'delay before each response', '0')
    .option('--latency-jitter-ms <ms>', 'up to this much extra delay per request', '0')
    .option('--fault-rate <rate>', 'share of requests that fail, from 0 to 1', '0')
    .option('--faults <kinds>', `comma-separated fault kinds to inject (${FAULT_KINDS.join(', ')})`, FAULT_KINDS.join(','))
    .option('--batch-delay-ms <ms>', 'how long a Batch API batch stays in progress before it completes', '0')
    .option('--batch-failure-rate <rate>', 'share of Batch API lines that fail into the error file, from 0 to 1', '0')
    .option('--no-batch-api', 'serve no Batch API: /v1/files and /v1/batches answer 404, as a server without one')
    .action(async (flags: SimFlags) => {
      const options = {
        port: numberFlag({ flag: '--port', value: flags.port, min: 0, max: 65535, integer: true }),
        host: flags.host,
        seed: numberFlag({ flag: '--seed', value: flags.seed, min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true }),
        latencyMs: numberFlag({ flag: '--latency-ms', value: flags.latencyMs, min: 0, max: Number.MAX_SAFE_INTEGER, integer: false }),
        latencyJitterMs: numberFlag({ flag: '--latency-jitter-ms', value: flags.latencyJitterMs, min: 0, max: Number.MAX_SAFE_INTEGER, integer: false }),
        faultRate: numberFlag({ flag: '--fault-rate', value: flags.faultRate, min: 0, max: 1, integer: false }),
        faults: { kinds: faultKinds(flags.faults) },
        batch: {
          enabled: flags.batchApi,
          completionDelayMs: numberFlag({ flag: '--batch-delay-ms', value: flags.batchDelayMs, min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }),
          failureRate: numberFlag({ flag: '--batch-failure-rate', value: flags.batchFailureRate, min: 0, max: 1, integer: false }),
        },
      };
      // Listen for signals before announcing the URL, so a stop right after start is not missed.
      // The server stops without a notice; the line after it names the signal.
      let signal: NodeJS.Signals = 'SIGINT';
      const interrupt = abortOnSignals((_message, name) => {
        signal = name;
      });
      let simulator: RunningSimulator;
      try {
        simulator = await start(options);
      } catch (error) {
        interrupt.dispose();
        throw error;
      }
      process.stdout.write(
        [
          `simulator listening on ${simulator.url}`,
          '*** SIMULATOR: answers are made from templates, not by a real model. Do not publish data generated with it as model output. ***',
          `seed ${options.seed}, latency ${options.latencyMs} ms, fault rate ${options.faultRate}; press Ctrl-C to stop`,
        ].join('\n') + '\n',
      );
      try {
        if (!interrupt.signal.aborted) await new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
        await simulator.close();
      } finally {
        interrupt.dispose();
      }
      const { requests, faults } = simulator.stats();
      const injected = Object.values(faults).reduce((sum, count) => sum + count, 0);
      process.stdout.write(`${signal}: simulator stopped after ${requests} requests (${injected} faults injected)\n`);
    });
}
