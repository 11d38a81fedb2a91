import { describe, expect, it } from 'vitest';
import { createImportanceRefresher } from '../../src/neo4j/importance/refresher.js';

/** A computation that finishes when the test says so, counting its runs. */
function gatedComputation() {
  const releases: (() => void)[] = [];
  let runs = 0;
  return {
    compute: () =>
      new Promise<void>((resolve) => {
        runs += 1;
        releases.push(resolve);
      }),
    runs: () => runs,
    finishOne: async () => {
      releases.shift()?.();
      // Let the refresher's continuation run.
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe('createImportanceRefresher', () => {
  it('returns at once and runs the computation in the background', async () => {
    const gate = gatedComputation();
    const refresher = createImportanceRefresher(gate.compute, () => {});
    refresher.request();
    expect(gate.runs()).toBe(1);
    await gate.finishOne();
    await refresher.settled();
    expect(gate.runs()).toBe(1);
  });

  it('coalesces requests made while a computation runs into one more run after it', async () => {
    const gate = gatedComputation();
    const refresher = createImportanceRefresher(gate.compute, () => {});
    refresher.request();
    refresher.request();
    refresher.request();
    refresher.request();
    expect(gate.runs()).toBe(1);
    await gate.finishOne();
    expect(gate.runs()).toBe(2);
    await gate.finishOne();
    await refresher.settled();
    expect(gate.runs()).toBe(2);
  });

  it('reports a failed computation and keeps serving later requests', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const refresher = createImportanceRefresher(
      async () => {
        if (fail) throw new Error('Neo4j went away');
      },
      (e) => errors.push(e),
    );
    refresher.request();
    await refresher.settled();
    expect(errors).toHaveLength(1);
    fail = false;
    refresher.request();
    await refresher.settled();
    expect(errors).toHaveLength(1);
  });
});
