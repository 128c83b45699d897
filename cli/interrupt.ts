import { setMaxListeners } from 'node:events';

/**
 * An AbortSignal that fires on the first Ctrl-C or SIGTERM, so work stops without a
 * half-written dataset (results already made stay in the run's journal or checkpoint);
 * a second Ctrl-C exits at once. `notify` gets the notice to show and the signal's name.
 */
export function abortOnSignals(notify: (message: string, signal: NodeJS.Signals) => void = (message) => process.stderr.write(`${message}\n`)): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  // Every request in flight listens on this one signal; thousands are expected, not a leak.
  setMaxListeners(0, controller.signal);
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    notify(`${name}: stopping; press Ctrl-C again to quit at once`, name);
    controller.abort(new DOMException('interrupted', 'AbortError'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
