import { performance } from 'node:perf_hooks';
import { mapWithProgress } from '../pipeline/runs/map-with-progress.ts';
import type { RunEventListener } from '../pipeline/runs/run-events.ts';
import type { RunJournal } from '../pipeline/runs/run-journal.ts';
import type { RunState } from '../pipeline/stages/run-state.ts';
import type { StageContext } from '../pipeline/models/stage-context.ts';
import { STAGES, type StageDeclaration } from '../pipeline/stages/stage-graph.ts';

/**
 * Runs the stage graph's stages in this process, in order, each to its end: an item stage
 * on all its items at once (each result journalled, so a resumed run reuses it), a barrier
 * once. Each stage's time goes in `timings` under its name, and its progress to `onEvent`
 * (a barrier counts as one step), as the queue runner reports it.
 */
export async function walkStages(options: {
  state: RunState;
  context: StageContext;
  journal: RunJournal;
  timings: Record<string, number>;
  onEvent?: RunEventListener;
  signal?: AbortSignal;
}): Promise<void> {
  const { state, context, journal, onEvent, signal } = options;
  const stages: readonly StageDeclaration[] = STAGES;
  for (const stage of stages) {
    const name = stage.name as (typeof STAGES)[number]['name'];
    const started = performance.now();
    if (stage.kind === 'item') {
      const results = await mapWithProgress({
        stage: name, items: stage.items(state), onEvent, signal,
        work: (item) => journal.remember(stage.name, stage.resumeKey(item), () => stage.run(item, context)),
      });
      stage.collect(results, state);
    } else {
      onEvent?.({ type: 'stage-start', stage: name, total: 1 });
      // A barrier with nothing to do for this config (no seed expansion) is settled at once, as the queue settles it at submission.
      const idle = stage.idleOutput?.(context.config) ?? null;
      if (idle !== null) {
        stage.collect(idle, state);
        onEvent?.({ type: 'progress', stage: name, done: 1, total: 1 });
        onEvent?.({ type: 'stage-end', stage: name, ms: 0 });
        options.timings[stage.name] = 0;
        continue;
      }
      // A barrier's own work inside (the search rounds' steps) is journalled piece by piece too.
      const remember = <T>(step: string, key: string, work: () => Promise<T>) => journal.remember(step, key, work);
      stage.collect(await stage.run(state, { ...context, remember }), state);
      onEvent?.({ type: 'progress', stage: name, done: 1, total: 1 });
      onEvent?.({ type: 'stage-end', stage: name, ms: Math.round(performance.now() - started) });
    }
    options.timings[stage.name] = Math.round(performance.now() - started);
  }
}
