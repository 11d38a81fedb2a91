// End-to-end: each mount of the explorer owns one runtime (store, graph, sigma, ForceAtlas2 worker);
// unmounting terminates the layout worker and kills sigma (its WebGL contexts are lost), and a
// second mount on the same page draws the graph and lays it out again from a fresh state.
import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeOpenPages, openExplorer, startExplorer, waitLayoutIdle, waitReady, type Explorer } from './harness.js';
import { api, handle } from './helpers.js';

interface Overview {
  graph: { nodes: unknown[]; edges: unknown[] };
}

let explorer: Explorer;

beforeAll(async () => {
  explorer = await startExplorer();
});

afterEach(async () => {
  await closeOpenPages(explorer);
});

afterAll(async () => {
  await explorer?.close();
});

/** Clicks "Layout" and resolves with the worker the run started, once the run is under way. */
async function startUserLayout(page: Page): Promise<Worker> {
  const worker = page.waitForEvent('worker');
  await page.getByRole('button', { name: 'Start layout' }).click();
  const started = await worker;
  await page.getByRole('button', { name: 'Stop layout' }).waitFor();
  return started;
}

/** Waits until `count` layout runs have ended on the page (the first, quiet one ends on its own). */
async function waitLayoutStops(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('methodgraph:layout-stop').length >= n, count, { timeout: 20_000 });
  await waitLayoutIdle(page);
}

/** Keeps the WebGL contexts of the canvases sigma draws on, to look at them after the unmount. */
async function holdWebglContexts(page: Page): Promise<number> {
  return page.evaluate(() => {
    const contexts = [...document.querySelectorAll('.graph-canvas canvas')]
      .map((c) => (c as HTMLCanvasElement).getContext('webgl2') ?? (c as HTMLCanvasElement).getContext('webgl'))
      .filter((gl): gl is WebGL2RenderingContext | WebGLRenderingContext => gl !== null);
    (window as unknown as { __heldContexts: unknown[] }).__heldContexts = contexts;
    return contexts.length;
  });
}

describe('web/runtime', () => {
  describe('#dispose (unmount)', () => {
    it('should terminate the layout worker, kill sigma, and let a second mount draw and lay out the graph again', async () => {
      const overview = await api<Overview>(explorer, '/api/overview?limit=2000');
      const { page, errors } = await openExplorer(explorer);
      await waitLayoutStops(page, 1);
      const worker = await startUserLayout(page);
      const terminated = new Promise<void>((resolve) => worker.once('close', () => resolve()));
      expect(await handle.layout(page)).toBe('running');
      expect(await holdWebglContexts(page)).toBeGreaterThan(0);

      await page.evaluate(() => window.__methodgraphRoot!.unmount());
      await terminated;
      expect(
        await page.evaluate(() =>
          (window as unknown as { __heldContexts: WebGLRenderingContext[] }).__heldContexts.every((gl) => gl.isContextLost()),
        ),
      ).toBe(true);
      expect(await page.locator('.graph-canvas').count()).toBe(0);
      expect(await page.evaluate(() => window.__methodgraph === undefined)).toBe(true);

      await page.evaluate(() => window.__methodgraphRoot!.mount());
      await waitReady(page);
      expect(await handle.order(page)).toBe(overview.graph.nodes.length);
      expect(await handle.size(page)).toBe(overview.graph.edges.length);
      // A fresh store: nothing to undo, no selection carried over.
      expect(await page.evaluate(() => window.__methodgraph!.canUndo())).toBe(false);
      expect(await handle.selected(page)).toBeNull();
      // The first mount's user run was killed, not stopped: the second mount's quiet run is the second stop.
      await waitLayoutStops(page, 2);
      const second = await startUserLayout(page);
      const secondClosed = new Promise<void>((resolve) => second.once('close', () => resolve()));
      await page.getByRole('button', { name: 'Stop layout' }).click();
      await secondClosed;
      expect(await handle.layout(page)).toBe('idle');
      expect(await page.evaluate(() => window.__methodgraph!.canUndo())).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});
