const children = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * A signal of its own for one call, aborted when `parent` is. Thousands of calls share
 * a run's signal, and Node's EventTarget scans every listener on each add, so listening
 * on the parent directly makes adding listeners quadratic; here the parent has one
 * listener and each call's signal only a few. Call `release` when the call is done.
 */
export function linkedSignal(parent: AbortSignal | undefined): { signal: AbortSignal | undefined; release(): void } {
  if (!parent || parent.aborted) return { signal: parent, release() {} };
  let linked = children.get(parent);
  if (!linked) {
    const set = new Set<AbortController>();
    children.set(parent, set);
    parent.addEventListener(
      'abort',
      () => {
        for (const controller of set) controller.abort(parent.reason);
        set.clear();
      },
      { once: true },
    );
    linked = set;
  }
  const controller = new AbortController();
  linked.add(controller);
  const set = linked;
  return { signal: controller.signal, release: () => set.delete(controller) };
}
