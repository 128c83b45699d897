import { z } from 'zod';
import type { ItemStageDeclaration } from '../pipeline/stages/stage-graph.ts';

const RunId = z.string().regex(/^[a-z][A-Za-z0-9_-]*$/, 'a run id');

/** Job payloads, parsed when dequeued: a malformed one fails its job, never the worker. A barrier's job carries only its run. */
export const RunJobData = z.object({ runId: RunId });
export type RunJobData = z.infer<typeof RunJobData>;

/** An item stage's job: its run and its item (a seed or a candidate) under the field the stage names. */
export type ItemJobData = { runId: string } & Record<string, unknown>;

const itemSchemas = new Map<string, z.ZodType<ItemJobData>>();

export function itemJobData(stage: ItemStageDeclaration): z.ZodType<ItemJobData> {
  let schema = itemSchemas.get(stage.name);
  if (!schema) {
    schema = z.object({ runId: RunId, [stage.over]: stage.item }) as unknown as z.ZodType<ItemJobData>;
    itemSchemas.set(stage.name, schema);
  }
  return schema;
}

/** The job data of one item of a stage. */
export function itemJob(stage: ItemStageDeclaration, runId: string, item: unknown): ItemJobData {
  return { runId, [stage.over]: item };
}

export const RefreshJobData = z.object({
  schedule: z.string().min(1),
  /** Config file, read again at each refresh so edits and new seeds are picked up; null for the embedded defaults. */
  configFile: z.string().nullable(),
  /** Folder the versioned dataset folder goes in. */
  outputDir: z.string(),
});
export type RefreshJobData = z.infer<typeof RefreshJobData>;
