// Recomputes importance in the background after a curation changes the lineage: on a large graph the
// computation takes a minute or more, longer than anyone should wait for a click to answer. Requests
// that arrive while one runs are coalesced into a single run after it, so a burst of curations costs
// at most two computations, never one each in parallel.
import type { Database } from '../driver.js';
import { updateImportance } from './index.js';

/** The computation a refresher runs: importance over the whole graph, forced. */
export const recomputeImportance = (db: Database) => () => updateImportance(db, { force: true });

export interface ImportanceRefresher {
  /** Asks for a recomputation; returns at once. */
  request(): void;
  /** Resolves when no computation runs or waits (for shutdown and tests). */
  settled(): Promise<void>;
}

export function createImportanceRefresher(compute: () => Promise<unknown>, onError: (error: unknown) => void): ImportanceRefresher {
  let running: Promise<void> | null = null;
  let pending = false;

  const run = (): Promise<void> =>
    compute().then(
      () => undefined,
      (error: unknown) => onError(error),
    );

  const loop = async () => {
    do {
      pending = false;
      await run();
    } while (pending);
    running = null;
  };

  return {
    request() {
      if (running) {
        pending = true;
        return;
      }
      running = loop();
    },
    async settled() {
      while (running) await running;
    },
  };
}
