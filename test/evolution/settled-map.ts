import type { MapItems } from '../../pipeline/evolution/run-rounds.ts';

/** Plain settled map, no journal: a round's own logic is what its tests look at. */
export const mapItems: MapItems = async ({ items, work }) =>
  Promise.all(items.map(async (item) => {
    try {
      return { item, ok: true as const, value: await work(item) };
    } catch (error) {
      return { item, ok: false as const, error };
    }
  }));
