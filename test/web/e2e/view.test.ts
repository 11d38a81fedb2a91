// End-to-end: seeing the graph (whole corpus, legend, size by degree, labels, hover) and the
// layout (ForceAtlas2 in a worker, start/stop, positions kept, undoable).
import { afterAll, beforeAll, describe, expect, it, afterEach } from 'vitest';
import { closeOpenPages, nodeOnScreen, startExplorer, openExplorer, sharedPage, waitLayoutIdle, type Explorer } from './harness.js';
import { api, findId, handle, nextFrames, poll } from './helpers.js';

interface Overview {
  graph: { nodes: { id: string; label: string }[]; edges: unknown[] };
  truncated: boolean;
}

let explorer: Explorer;
/** The first view, for the tests that only read it or put back what they change. */
const firstView = sharedPage(() => explorer);

beforeAll(async () => {
  explorer = await startExplorer();
});

afterEach(async () => {
  await closeOpenPages(explorer);
});

afterAll(async () => {
  await explorer?.close();
});

describe('web/explorer', () => {
  describe('#view (item 1)', () => {
    it('should draw the whole default corpus on opening', async () => {
      const overview = await api<Overview>(explorer, '/api/overview?limit=2000');
      expect(overview.truncated).toBe(false);
      const { page, errors } = await firstView();
      expect(await handle.order(page)).toBe(overview.graph.nodes.length);
      expect(await handle.size(page)).toBe(overview.graph.edges.length);
      expect(errors).toEqual([]);
    });

    it('should hide and show a label when its legend entry is clicked', async () => {
      const overview = await api<Overview>(explorer, '/api/overview?limit=2000');
      const datasets = overview.graph.nodes.filter((n) => n.label === 'Dataset');
      expect(datasets.length).toBeGreaterThan(0);
      const { page } = await firstView();
      const total = await handle.visibleOrder(page);
      const legend = page.getByRole('navigation', { name: /legend/i });
      await legend.getByRole('button', { name: /Hide Dataset nodes/ }).click();
      expect(await handle.visibleOrder(page)).toBe(total - datasets.length);
      expect(await handle.isVisible(page, datasets[0]!.id)).toBe(false);
      await poll(() => legend.getByRole('button', { name: /Show Dataset nodes/ }).getAttribute('aria-pressed')).toBe('false');
      await legend.getByRole('button', { name: /Show Dataset nodes/ }).click();
      expect(await handle.visibleOrder(page)).toBe(total);
    });

    it('should size nodes by degree and draw only some labels', async () => {
      const { page } = await firstView();
      const sizes = await page.evaluate(() => {
        const h = window.__methodgraph!;
        return h.visibleNodes().map((id) => ({ id, degree: h.degree(id), size: h.nodeSize(id)! }));
      });
      sizes.sort((a, b) => a.degree - b.degree);
      const low = sizes[0]!;
      const high = sizes[sizes.length - 1]!;
      expect(high.degree).toBeGreaterThan(low.degree);
      expect(high.size).toBeGreaterThan(low.size);
      await waitLayoutIdle(page);
      const labels = await page.evaluate(() => window.__methodgraph!.displayedLabels());
      expect(labels.length).toBeGreaterThan(0);
      expect(labels.length).toBeLessThan(sizes.length);
    });

    it('should highlight a hovered node with its neighbours and dim the rest', async () => {
      const kd = await findId(explorer, 'knowledge distillation', 'Method');
      const { page } = await firstView();
      await waitLayoutIdle(page);
      const visible = await page.evaluate(() => window.__methodgraph!.visibleNodes());
      const before = new Map<string, string | null>();
      for (const id of visible) before.set(id, await handle.color(page, id));
      const p = await nodeOnScreen(page, kd);
      await page.mouse.move(p.x, p.y);
      // The highlight follows the node under the pointer: Knowledge Distillation, or a node the
      // layout drew over it.
      await poll(() => page.evaluate(() => window.__methodgraph!.hoveredNode())).not.toBeNull();
      const hovered = (await page.evaluate(() => window.__methodgraph!.hoveredNode()))!;
      const neighbours = new Set(await page.evaluate((id) => window.__methodgraph!.visibleNeighbours(id), hovered));
      const nb = [...neighbours][0]!;
      const far = visible.find((id) => id !== hovered && !neighbours.has(id))!;
      expect(nb).toBeDefined();
      await poll(() => handle.color(page, far)).toBe('#e4e6ea');
      expect(await handle.color(page, nb)).not.toBe('#e4e6ea');
      expect(await handle.color(page, hovered)).not.toBe('#e4e6ea');
      await page.mouse.move(5, 890);
      await poll(() => page.evaluate(() => window.__methodgraph!.hoveredNode())).toBeNull();
      await poll(() => handle.color(page, far)).toBe(before.get(far));
    });
  });

  describe('#layout (item 2)', () => {
    it('should run ForceAtlas2 in a worker after loading and stop by itself', async () => {
      const { page, context } = await openExplorer(explorer, '', { layout: 'product' });
      // The first layout starts as the view loads and stops by itself; under load it may be over
      // before the page answers, so the test reads what the run did rather than catching it running.
      await poll(() => page.evaluate(() => window.__methodgraph!.lastLayoutRun()?.nodes ?? 0)).toBeGreaterThan(0);
      expect(await handle.layout(page)).toBe('idle');
      await poll(() => page.getByRole('button', { name: 'Start layout' }).isVisible()).toBe(true);
      // It moved the map, however slowly its worker started (a timed run counts from its first step).
      const run = (await page.evaluate(() => window.__methodgraph!.lastLayoutRun()))!;
      expect(run.moved).toBeGreaterThan(run.nodes / 2);
      expect(await page.evaluate(() => performance.getEntriesByName('methodgraph:layout-start').length)).toBe(1);
      await context.close();
    });

    it('should start and stop the layout from the toolbar, keep positions after stopping, and undo a run', async () => {
      const kd = await findId(explorer, 'knowledge distillation', 'Method');
      const { page } = await firstView();
      await waitLayoutIdle(page);
      const before = await handle.position(page, kd);
      await page.getByRole('button', { name: 'Start layout' }).click();
      expect(await handle.layout(page)).toBe('running');
      await poll(async () => JSON.stringify(await handle.position(page, kd))).not.toBe(JSON.stringify(before));
      await page.getByRole('button', { name: 'Stop layout' }).click();
      expect(await handle.layout(page)).toBe('idle');
      const after = await handle.position(page, kd);
      await nextFrames(page, 10);
      expect(await handle.position(page, kd)).toEqual(after);
      await page.getByRole('button', { name: 'Undo' }).click();
      expect(await handle.position(page, kd)).toEqual(before);
      await page.getByRole('button', { name: 'Redo' }).click();
      expect(await handle.position(page, kd)).toEqual(after);
    });
  });
});
