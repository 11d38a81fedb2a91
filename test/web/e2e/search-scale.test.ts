// End-to-end on a database larger than the default corpus (the default corpus plus a synthetic one,
// whose papers carry many titles starting like the names people type): "transf" suggests the
// Transformer architecture first, and the list closes once a suggestion is picked; the first view is
// an overview whose left-out groups are drawn as labelled cluster nodes that open into their ideas.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../ingest/run.js';
import { writeCorpus } from '../../../bench/synthetic/cli.js';
import type { WireEdge, WireGraph } from '../../../src/shared/graph.js';
import { closeOpenPages, openExplorer, startExplorer, waitLayoutIdle, type Explorer } from './harness.js';
import { api, handle, nextFrames, poll, settledScreenPosition } from './helpers.js';
import { clusterHoverLabel } from '../../../src/web/graph/sync.js';

/** Synthetic papers added to the default corpus: enough that papers and concepts outnumber the ideas a prefix names. */
const SYNTHETIC_PAPERS = 1000;

let explorer: Explorer;
let dir: string;

beforeAll(async () => {
  explorer = await startExplorer();
  dir = mkdtempSync(join(tmpdir(), 'methodgraph-search-scale-'));
  const file = join(dir, 'synthetic.jsonl');
  await writeCorpus({ papers: SYNTHETIC_PAPERS, seed: 12, out: file, builtIn: true });
  const summary = await ingest(explorer.db, { files: [file] });
  if (summary.rejected > 0) throw new Error(`test/web/e2e/search-scale: the synthetic corpus had ${summary.rejected} rejected record(s)`);
}, 1_200_000);

afterEach(async () => {
  await closeOpenPages(explorer);
});

afterAll(async () => {
  await explorer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Hit {
  node: { id: string; name: string; label: string };
}

describe('web/explorer', () => {
  describe('#search at scale', () => {
    it('should suggest Transformer first for "transf" among many papers starting so, and close the list after the pick', async () => {
      // The database holds many more papers and concepts matching "transf" than the suggestion list shows.
      const papers = await api<{ results: Hit[] }>(explorer, '/api/search?q=transf&labels=Paper&limit=20');
      expect(papers.results.length).toBe(20);
      const transformer = (await api<{ results: Hit[] }>(explorer, '/api/search?q=transformer&labels=Architecture&limit=1')).results[0]!;
      expect(transformer.node.name).toBe('Transformer');

      const { page } = await openExplorer(explorer);
      await page.keyboard.press('/');
      await page.keyboard.type('transf');
      const list = page.getByRole('listbox', { name: 'Search suggestions' });
      await poll(() => list.getByRole('option').count()).toBeGreaterThan(1);
      const first = list.getByRole('option').first();
      expect(await first.locator('.hit-name').textContent()).toBe('Transformer');
      expect(await first.locator('.hit-label').textContent()).toBe('Architecture');
      // The picked name fills the box and is searched once more: its answer must not reopen the list.
      const searchOfPick = page.waitForResponse(
        (r) => r.url().includes('/api/search') && new URL(r.url()).searchParams.get('q') === 'Transformer',
      );
      await first.click();
      await poll(() => handle.selected(page)).toBe(transformer.node.id);
      await searchOfPick;
      await nextFrames(page);
      expect(await list.count()).toBe(0);
      expect(await page.locator('.search input[role="combobox"]').getAttribute('aria-expanded')).toBe('false');
    });
  });
});

describe('web/explorer', () => {
  describe('#details of a hub', () => {
    it('should list a capped number of each kind of link and say how many there are', async () => {
      // The dataset most papers evaluate on: more EVALUATED_ON links than the details list of one kind.
      const top = await explorer.app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: { query: 'MATCH (d:Dataset) RETURN d.id AS id, COUNT { (d)<-[:EVALUATED_ON]-() } AS n ORDER BY n DESC LIMIT 1' },
      });
      const [id, evaluations] = (top.json() as { table: { rows: [string, number][] } }).table.rows[0]!;
      const details = await api<{ node: { name: string }; graph: WireGraph }>(explorer, `/api/nodes/${encodeURIComponent(id)}`);
      const listed = details.graph.edges.filter((e) => e.type === 'EVALUATED_ON' && e.target === id).length;
      expect(evaluations).toBeGreaterThan(listed);

      const { page } = await openExplorer(explorer, `?node=${encodeURIComponent(id)}`);
      const panel = page.getByRole('article', { name: `Details of ${details.node.name}` });
      const section = panel.locator('section', { has: page.getByRole('heading', { name: /Evaluated in/ }) });
      await section.waitFor();
      const total = evaluations.toLocaleString('en');
      expect(await section.locator('h3 .count').textContent()).toBe(`${listed} of ${total}`);
      expect(await section.getByRole('listitem').count()).toBe(listed);
      expect(await section.textContent()).toContain(`${(evaluations - listed).toLocaleString('en')} more not listed`);
    });
  });

  describe('#large overview', () => {
    it('should draw the groups it leaves out as labelled cluster nodes that open into their ideas, with undo and the URL', async () => {
      const overview = await api<{ selection: string; graph: WireGraph }>(explorer, '/api/overview?limit=2000&top=250');
      expect(overview.selection).toBe('importance');
      const clusters = overview.graph.nodes.filter((n) => n.label === 'Cluster');
      expect(clusters.length).toBeGreaterThan(1);
      expect(overview.graph.edges.some((e) => e.properties.aggregate === true)).toBe(true);

      const { page, errors } = await openExplorer(explorer);
      await waitLayoutIdle(page);
      for (const c of clusters) expect(await handle.isVisible(page, c.id)).toBe(true);
      await expect.poll(() => page.getByRole('status', { name: 'What the view shows' }).textContent()).toMatch(/ringed groups stand for/);

      // Labelled by the leading idea and a count, "Name +N", never on top of another label nor of
      // another node's disc (a group's name yields to the ideas drawn around it).
      await nextFrames(page);
      const boxes = await page.evaluate(() => window.__methodgraph!.displayedLabelBoxes());
      const clusterBoxes = boxes.filter((b) => b.node.startsWith('cluster:'));
      expect(clusterBoxes.length).toBeGreaterThan(clusters.length / 2);
      for (const b of clusterBoxes) expect(b.label).toMatch(/^[^,]+ \+[\d,]+$/);
      const overlap = (a: (typeof boxes)[number], b: (typeof boxes)[number]) =>
        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      for (const a of clusterBoxes) for (const b of boxes) if (a !== b) expect(overlap(a, b), `${a.label} / ${b.label}`).toBe(false);
      const onDiscs = await page.evaluate((labelled) => {
        const h = window.__methodgraph!;
        const stage = document.querySelector('.graph-canvas')!.getBoundingClientRect();
        const discs = h.visibleNodes().map((id) => ({ id, ...h.nodeDisc(id)! }));
        const out: string[] = [];
        for (const b of labelled) {
          const x = b.x - stage.left;
          const y = b.y - stage.top;
          for (const d of discs) {
            if (d.id === b.node) continue;
            const nx = Math.max(x, Math.min(d.x, x + b.w));
            const ny = Math.max(y, Math.min(d.y, y + b.h));
            // Half a pixel of slack for the rounding between the drawer's frame and this one.
            if (Math.hypot(nx - d.x, ny - d.y) < d.r - 0.5) out.push(`${b.label} / ${d.id}`);
          }
        }
        return out;
      }, clusterBoxes);
      expect(onDiscs, onDiscs.join('\n')).toEqual([]);

      // A cluster with a label, whose disc no other node covers, is opened by a double-click; one
      // whose ideas link to ideas already drawn, if any does.
      const clear = await page.evaluate(
        (labelled) => {
          const h = window.__methodgraph!;
          const discs = h.visibleNodes().map((id) => ({ id, d: h.nodeDisc(id)! }));
          return labelled.filter((id) => {
            const c = h.nodeDisc(id)!;
            return discs.every(({ id: o, d }) => o === id || Math.hypot(d.x - c.x, d.y - c.y) > d.r + c.r * 0.6);
          });
        },
        clusterBoxes.map((b) => b.node),
      );
      expect(clear.length, 'a labelled cluster clear of other nodes').toBeGreaterThan(0);
      type Community = { graph: WireGraph; links: WireEdge[] };
      // Links whose end outside the group is drawn (the member end may be drawn already too).
      const drawnLinks = async (c: Community) => {
        const inGroup = new Set(c.graph.nodes.map((n) => n.id));
        const out: WireEdge[] = [];
        for (const l of c.links) {
          // A lineage link under the default confidence threshold is not drawn, wherever its ends are.
          const shown = l.type !== 'BUILDS_ON' || typeof l.properties.confidence !== 'number' || l.properties.confidence >= 0.5;
          if (shown && (await handle.isVisible(page, inGroup.has(l.source) ? l.target : l.source))) out.push(l);
        }
        return out;
      };
      let target = clear[0]!;
      let members = await api<Community>(explorer, `/api/communities/${target.slice('cluster:'.length)}?limit=30`);
      let linked = await drawnLinks(members);
      for (const id of clear.slice(1)) {
        if (linked.length > 0) break;
        const c = await api<Community>(explorer, `/api/communities/${id.slice('cluster:'.length)}?limit=30`);
        const l = await drawnLinks(c);
        if (l.length > 0) [target, members, linked] = [id, c, l];
      }
      expect(linked.length, 'a group whose ideas link to ideas the overview draws').toBeGreaterThan(0);
      const at = await settledScreenPosition(page, target);
      // A click shows what the group holds, with the button that opens it.
      await page.mouse.click(at.x, at.y);
      const name = clusters.find((c) => c.id === target)!.name;
      const details = page.getByRole('article', { name: `Details of the group ${name}` });
      await details.waitFor();
      // Selected, the group's label says more of its names.
      const omitted = clusters.find((c) => c.id === target)!.properties.omitted;
      await poll(() => page.evaluate(() => window.__methodgraph!.displayedLabels())).toContain(clusterHoverLabel(name, omitted));
      expect(await details.textContent()).toMatch(/ideas .*that build on each other/);
      expect(await details.getByRole('button', { name: 'Open group' }).isVisible()).toBe(true);
      await page.mouse.dblclick(at.x, at.y);
      await poll(() => handle.hasNode(page, target)).toBe(false);
      for (const m of members.graph.nodes) expect(await handle.hasNode(page, m.id)).toBe(true);
      // The opened ideas link to the ideas drawn around them, not only among themselves.
      for (const l of linked) expect(await page.evaluate((e) => window.__methodgraph!.isEdgeVisible(e), l.id), l.id).toBe(true);
      await poll(() => new URL(page.url()).searchParams.getAll('exp')).toContain(target);

      // Undo brings the cluster back; a reload of the URL with the opening replays it.
      await page.getByRole('button', { name: 'Undo' }).click();
      await poll(() => handle.hasNode(page, target)).toBe(true);
      const reopened = await openExplorer(explorer, `/?exp=${encodeURIComponent(target)}`);
      // Some members may be among the overview's own ideas: wait for the opening itself (the cluster gone).
      await poll(() => handle.hasNode(reopened.page, target)).toBe(false);
      for (const m of members.graph.nodes) expect(await handle.hasNode(reopened.page, m.id)).toBe(true);

      // The legend hides and shows clusters; the summary's list of the largest groups opens one.
      const other = clusters.find((c) => c.id !== target)!;
      await page.getByRole('button', { name: /^Hide Cluster nodes/ }).click();
      await poll(() => handle.isVisible(page, other.id)).toBe(false);
      await page.getByRole('button', { name: /^Show Cluster nodes/ }).click();
      await poll(() => handle.isVisible(page, other.id)).toBe(true);
      await page.getByRole('status', { name: 'What the view shows' }).getByRole('button', { name: other.name, exact: true }).click();
      await poll(() => handle.hasNode(page, other.id)).toBe(false);
      expect(errors).toEqual([]);
      expect(reopened.errors).toEqual([]);
    });
  });
});
