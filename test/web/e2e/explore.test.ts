// End-to-end: expand with a cap and "+N more", hide, undo/redo by buttons and keys, the
// lineage view and the shortest path between two picked nodes.
import { afterAll, beforeAll, describe, expect, it, afterEach } from 'vitest';
import { closeOpenPages, openExplorer, sharedPage, startExplorer, waitLayoutIdle, type Explorer, type OpenPage } from './harness.js';
import { api, findId, handle, settledScreenPosition, poll } from './helpers.js';

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

/** The graph view opened on Knowledge Distillation: the hide test (which undoes its hide), then the lineage test. */
let kdView: (() => Promise<OpenPage>) | null = null;

async function openOnKd(): Promise<{ page: OpenPage['page']; kd: string }> {
  const kd = await findId(explorer, 'knowledge distillation', 'Method');
  kdView ??= sharedPage(() => explorer, `?node=${encodeURIComponent(kd)}`);
  return { page: (await kdView()).page, kd };
}

interface Overview {
  graph: { nodes: { id: string; name: string }[]; edges: { source: string; target: string }[] };
}

describe('web/explorer', () => {
  describe('#expand (item 5)', () => {
    it('should add the neighbourhood next to the node on double-click, and undo/redo it with keys and buttons', async () => {
      const kd = await findId(explorer, 'knowledge distillation', 'Method');
      const details = await api<{ graph: { nodes: { id: string }[] } }>(explorer, `/api/nodes/${encodeURIComponent(kd)}`);
      const { page, context } = await openExplorer(explorer, `?node=${encodeURIComponent(kd)}`);
      await waitLayoutIdle(page);
      await page.getByRole('button', { name: 'Show only this node' }).click();
      expect(await handle.order(page)).toBe(1);
      const p = await settledScreenPosition(page, kd);
      await page.mouse.dblclick(p.x, p.y);
      await poll(() => handle.order(page)).toBe(Math.min(details.graph.nodes.length, 26));
      const origin = (await handle.position(page, kd))!;
      const near = details.graph.nodes.filter((n) => n.id !== kd).slice(0, 5);
      expect(near.length).toBeGreaterThan(0);
      for (const n of near) {
        const q = await handle.position(page, n.id);
        expect(q).not.toBeNull();
        expect(Math.hypot(q!.x - origin.x, q!.y - origin.y)).toBeLessThan(5);
      }
      const expandedOrder = await handle.order(page);
      // The stage's bottom corner: its top lies under the bars that float over the graph.
      const stage = (await page.locator('.graph-canvas').boundingBox())!;
      await page.locator('.graph-canvas').click({ position: { x: 5, y: stage.height - 5 } });
      await page.keyboard.press('Control+z');
      expect(await handle.order(page)).toBe(1);
      await page.keyboard.press('Control+Shift+Z');
      expect(await handle.order(page)).toBe(expandedOrder);
      await page.getByRole('button', { name: 'Undo' }).click();
      expect(await handle.order(page)).toBe(1);
      await page.getByRole('button', { name: 'Redo' }).click();
      expect(await handle.order(page)).toBe(expandedOrder);
      await context.close();
    });

    it('should cap an expansion and fetch the rest with "+N more"', async () => {
      const overview = await api<Overview>(explorer, '/api/overview?limit=2000');
      const degree = new Map<string, number>();
      for (const e of overview.graph.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
      const [hub] = [...degree.entries()].sort((a, b) => b[1] - a[1])[0]!;
      const neighbourhood = await api<{ graph: { nodes: unknown[] } }>(
        explorer,
        `/api/neighbourhood/${encodeURIComponent(hub)}?limit=2000`,
      );
      const all = neighbourhood.graph.nodes.length;
      expect(all).toBeGreaterThan(6);
      const { page, context } = await openExplorer(explorer, `?node=${encodeURIComponent(hub)}`);
      await waitLayoutIdle(page);
      await page.getByRole('combobox', { name: 'Neighbours added per expansion' }).selectOption('5');
      await page.getByRole('button', { name: 'Show only this node' }).click();
      await page.getByRole('button', { name: 'Expand', exact: true }).click();
      await poll(() => handle.order(page)).toBe(6);
      const more = page.getByRole('button', { name: /Show \d+ more neighbours/ });
      await more.waitFor();
      expect(await more.textContent()).toBe(`+${all - 6} more`);
      await more.click();
      await poll(() => handle.order(page)).toBe(all);
      expect(await more.count()).toBe(0);
      await context.close();
    });

    it('should hide a node and bring it back with undo, selected again', async () => {
      const { page, kd } = await openOnKd();
      await page.getByRole('button', { name: 'Hide', exact: true }).click();
      expect(await handle.isVisible(page, kd)).toBe(false);
      expect(await handle.selected(page)).toBeNull();
      await page.getByRole('button', { name: 'Undo' }).click();
      expect(await handle.isVisible(page, kd)).toBe(true);
      expect(await handle.selected(page)).toBe(kd);
    });
  });

  describe('#lineage (item 6)', () => {
    it('should show the BUILDS_ON lineage as layered generations with evidence, by year on demand, in the URL', async () => {
      const { page, kd } = await openOnKd();
      const lineage = await api<{
        graph: {
          nodes: { id: string }[];
          edges: { id: string; type: string; source: string; target: string; properties: { evidence?: string } }[];
        };
      }>(explorer, `/api/lineage/${encodeURIComponent(kd)}?direction=both`);
      await page.getByRole('button', { name: 'Lineage', exact: true }).click();
      await poll(() => handle.mode(page)).toBe('lineage');
      expect(await handle.order(page)).toBe(lineage.graph.nodes.length);
      for (const e of lineage.graph.edges.filter((x) => x.type === 'BUILDS_ON' && x.source !== x.target)) {
        const s = (await handle.position(page, e.source))!;
        const t = (await handle.position(page, e.target))!;
        expect(s.x).toBeGreaterThan(t.x);
      }
      const bar = page.getByRole('region', { name: 'Lineage view' });
      expect(await bar.textContent()).toMatch(/Lineage of Knowledge Distillation/i);
      const evidence = page.getByRole('region', { name: 'Lineage links and evidence' });
      const firstEvidence = lineage.graph.edges.find((e) => e.properties.evidence)!.properties.evidence!;
      expect(await evidence.textContent()).toContain(firstEvidence);
      expect(page.url()).toContain('view=lineage');
      expect(page.url()).toContain(`root=${encodeURIComponent(kd)}`);
      await bar.getByRole('button', { name: 'By year' }).click();
      expect(await bar.getByRole('button', { name: 'By year' }).getAttribute('aria-pressed')).toBe('true');
      expect(page.url()).toContain('by=year');
      await bar.getByRole('button', { name: 'Back to graph' }).click();
      await poll(() => handle.mode(page)).toBe('graph');
    });
  });

  describe('#path (item 7)', () => {
    it('should highlight the shortest path between two picked nodes', async () => {
      const from = await findId(explorer, 'm2mKD', 'Method');
      const to = await findId(explorer, 'Mamba', 'Architecture');
      const path = await api<{ found: boolean; paths: { nodes: string[] }[] }>(
        explorer,
        `/api/path?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&types=BUILDS_ON,PROPOSES,USES`,
      );
      expect(path.found).toBe(true);
      const second = await openExplorer(explorer, `?node=${encodeURIComponent(from)}`);
      const p2 = second.page;
      await waitLayoutIdle(p2);
      await p2.getByRole('button', { name: 'Path from' }).click();
      await p2.keyboard.press('/');
      await p2.keyboard.type('mamba');
      await p2.getByRole('option', { name: /^Mamba\s*Architecture$/ }).click();
      await poll(() => handle.selected(p2)).toBe(to);
      await p2.getByRole('button', { name: 'Path to' }).click();
      await poll(() => handle.pathNodes(p2)).toEqual(path.paths[0]!.nodes);
      const box = p2.getByRole('region', { name: 'Path' });
      expect(await box.textContent()).toMatch(/Shortest path: \d+ step/);
      const off = (await p2.evaluate(() => window.__methodgraph!.visibleNodes())).find((id) => !path.paths[0]!.nodes.includes(id))!;
      expect(await handle.color(p2, off)).toBe('#e4e6ea');
      expect(await handle.color(p2, from)).not.toBe('#e4e6ea');
      await box.getByRole('button', { name: 'Clear path' }).click();
      expect(await handle.pathNodes(p2)).toEqual([]);
      await second.context.close();
    });
  });
});
