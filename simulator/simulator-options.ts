import { z } from 'zod';
import { FAULT_KINDS } from './faults.ts';

export const SimulatorOptions = z
  .object({
    host: z.string().min(1).default('127.0.0.1').describe('Interface to listen on.'),
    port: z.number().int().min(0).max(65535).default(0).describe('Port to listen on; 0 picks a free one.'),
    seed: z.number().int().default(0).describe('Changes every simulated answer; the same seed and requests give the same bytes.'),
    latencyMs: z.number().min(0).default(0).describe('Delay before each response.'),
    latencyJitterMs: z.number().min(0).default(0).describe('Up to this much extra delay, drawn per request from its hash.'),
    faultRate: z.number().min(0).max(1).default(0).describe('Share of request attempts that fail.'),
    faults: z
      .object({
        kinds: z.array(z.enum(FAULT_KINDS)).default([...FAULT_KINDS]).describe('Which failures may be injected.'),
        // Short, so a faulty simulated run is not mostly waiting; the client reads retry-after-ms, which keeps it exact.
        retryAfterMs: z.number().int().min(0).default(150).describe('Wait a 429 asks for, in retry-after-ms (Retry-After rounds it up to whole seconds).'),
      })
      .strict()
      .prefault({}),
    batch: z
      .object({
        enabled: z.boolean().default(true).describe('Whether the Batch API is served; false answers 404 on /v1/files and /v1/batches, as a server without one.'),
        completionDelayMs: z.number().int().min(0).default(0).describe('How long a batch shows as in progress before it is completed.'),
        failureRate: z.number().min(0).max(1).default(0).describe('Share of batch lines that fail into the error file, drawn from their custom_id.'),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type SimulatorOptions = z.input<typeof SimulatorOptions>;
export type ResolvedSimulatorOptions = z.output<typeof SimulatorOptions>;
