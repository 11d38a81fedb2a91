// End-to-end: what makes the explorer readable — every node of a small result labelled, path steps
// that name their relation, a reload that restores filters, expansions and the path, field errors
// in saved-query forms, the confidence slider hiding a weak lineage link, and Fit keeping labels in view.
import { afterAll, beforeAll, describe, expect, it, afterEach } from 'vitest';
import {
  closeOpenPages,
  DESKTOP_VIEWPORT,
  openExplorer,
  sharedPage,
  startExplorer,
  waitLayoutIdle,
  waitReady,
  type Explorer,
  type OpenPage,
} from './harness.js';
import { api, findId, handle, nextFrames, poll } from './helpers.js';

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

interface WireEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

/** The product's layout durations on a desktop screen: these tests judge what the layout leaves. */
const PRODUCT = { layout: 'product', viewport: DESKTOP_VIEWPORT } as const;

/** Opens `path` as the product would: these tests judge what the layout leaves. */
async function withPage(path: string, body: (open: OpenPage) => Promise<void>): Promise<void> {
  const open = await openExplorer(explorer, path, PRODUCT);
  try {
    await body(open);
    expect(open.errors).toEqual([]);
  } finally {
    await open.context.close();
  }
}

const SEVEN_METHODS = `?cypher=${encodeURIComponent('MATCH (n:Method) RETURN n ORDER BY n.id LIMIT 7')}`;
/** A 7-node query result, for the test of its labels and then the test of Fit. */
const sevenMethods = sharedPage(() => explorer, SEVEN_METHODS, PRODUCT);

/** Fits the view and expects every label inside the stage and below the bars over it. */
async function expectFramed(page: OpenPage['page'], path: string): Promise<void> {
  await waitLayoutIdle(page);
  await page.getByRole('button', { name: 'Fit graph to screen' }).click();
  await poll(() => page.evaluate(() => window.__methodgraph!.cameraMoving())).toBe(false);
  await nextFrames(page, 2);
  const canvas = (await page.locator('.graph-canvas').boundingBox())!;
  const bars = (await page.locator('.stage-top').boundingBox())!;
  const boxes = await page.evaluate(() => window.__methodgraph!.displayedLabelBoxes());
  expect(boxes.length, path).toBeGreaterThan(3);
  // Label boxes are in page pixels, like the bounding boxes.
  for (const b of boxes) {
    const where = `${path}: ${b.label} at ${Math.round(b.x)},${Math.round(b.y)} (${Math.round(b.w)}×${Math.round(b.h)})`;
    expect(b.x, where).toBeGreaterThanOrEqual(canvas.x);
    expect(b.x + b.w, where).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(b.y, where).toBeGreaterThanOrEqual(bars.y + bars.height);
    expect(b.y + b.h, where).toBeLessThanOrEqual(canvas.y + canvas.height);
  }
}

describe('web/explorer readability', () => {
  describe('#labels', () => {
    it('should label every node of a 7-node query result', async () => {
      const { page, errors } = await sevenMethods();
      await poll(() => handle.order(page)).toBe(7);
      await waitLayoutIdle(page);
      await poll(() => page.evaluate(() => window.__methodgraph!.displayedLabels().length)).toBe(7);
      expect(errors).toEqual([]);
    });
  });

  describe('#fit', () => {
    it('should frame a small view with its labels inside the stage and below the bars over it', async () => {
      const seven = await sevenMethods();
      await expectFramed(seven.page, SEVEN_METHODS);
      expect(seven.errors).toEqual([]);
      const transformer = await findId(explorer, 'Transformer', 'Architecture');
      const lineage = `?view=lineage&root=${encodeURIComponent(transformer)}`;
      await withPage(lineage, ({ page }) => expectFramed(page, lineage));
    });
  });

  describe('#first view', () => {
    it('should draw (almost) no node under another, and no label past the stage, once the layout has settled', async () => {
      await withPage('', async ({ page }) => {
        await waitLayoutIdle(page);
        await nextFrames(page, 2);
        // A label beside a node at the stage's edge goes to the node's other side instead of under the side panel.
        const canvas = (await page.locator('.graph-canvas').boundingBox())!;
        const labels = await page.evaluate(() => window.__methodgraph!.displayedLabelBoxes());
        expect(labels.length).toBeGreaterThan(20);
        for (const b of labels) {
          const where = `${b.label} at ${Math.round(b.x)},${Math.round(b.y)} (${Math.round(b.w)}×${Math.round(b.h)})`;
          expect(b.x, where).toBeGreaterThanOrEqual(canvas.x);
          expect(b.x + b.w, where).toBeLessThanOrEqual(canvas.x + canvas.width);
          expect(b.y + b.h, where).toBeLessThanOrEqual(canvas.y + canvas.height);
        }
        const hidden = await page.evaluate(() => {
          const h = window.__methodgraph!;
          const discs = h.visibleNodes().map((id) => ({ id, ...h.nodeDisc(id)! }));
          const under: string[] = [];
          for (const [i, a] of discs.entries())
            for (const b of discs.slice(i + 1)) if (Math.hypot(a.x - b.x, a.y - b.y) < Math.max(a.r, b.r)) under.push(`${a.id} / ${b.id}`);
          return { nodes: discs.length, under };
        });
        // Without the separation about a hundred discs sit under another (a paper over the method it
        // proposes). Noverlap is iterative and the fitted view zooms out a little as it spreads the
        // drawing, so a pair or two may stay hidden (0-2 in repeated runs here), not dozens.
        expect(hidden.nodes).toBeGreaterThan(100);
        expect(hidden.under.length, hidden.under.join('\n')).toBeLessThanOrEqual(5);
      });
    });
  });

  describe('#path', () => {
    it('should list each step with the relation that joins it, and keep the path in the URL and in undo', async () => {
      const from = await findId(explorer, 'm2mKD', 'Method');
      const to = await findId(explorer, 'Mamba', 'Architecture');
      const expected = await api<{ found: boolean; paths: { nodes: string[]; edges: string[] }[] }>(
        explorer,
        `/api/path?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&types=BUILDS_ON,PROPOSES,USES`,
      );
      expect(expected.found).toBe(true);
      await withPage(`?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, async ({ page }) => {
        await poll(() => handle.pathNodes(page)).toEqual(expected.paths[0]!.nodes);
        const steps = page.getByRole('list', { name: 'Path steps' });
        const text = (await steps.textContent()) ?? '';
        expect(text).toMatch(/(BUILDS_ON|PROPOSES|USES)/);
        expect(await steps.getByRole('listitem').count()).toBe(expected.paths[0]!.nodes.length);
        expect(page.url()).toContain(`from=${encodeURIComponent(from)}`);
        await page.getByRole('button', { name: 'Clear path' }).click();
        await poll(() => handle.pathNodes(page)).toEqual([]);
        await page.getByRole('button', { name: 'Undo' }).click();
        await poll(() => handle.pathNodes(page)).toEqual(expected.paths[0]!.nodes);
      });
    });
  });

  describe('#reload', () => {
    it('should restore filters, expansions, hidden nodes and the path after a reload', { timeout: 180_000 }, async () => {
      const kd = await findId(explorer, 'knowledge distillation', 'Method');
      const from = await findId(explorer, 'm2mKD', 'Method');
      const to = await findId(explorer, 'Mamba', 'Architecture');
      await withPage(`?node=${encodeURIComponent(kd)}`, async ({ page }) => {
        await waitLayoutIdle(page);
        await page.getByRole('button', { name: 'Show only this node' }).click();
        await poll(() => handle.order(page)).toBe(1);
        await page
          .getByRole('article', { name: /^Details of/ })
          .getByRole('button', { name: 'Expand', exact: true })
          .click();
        await poll(() => handle.order(page)).toBeGreaterThan(1);
        await page.getByRole('button', { name: /^Hide Paper nodes/ }).click();
        await poll(() => page.url()).toContain('hl=');
        expect(page.url()).toContain(`only=${encodeURIComponent(kd)}`);
        await poll(() => page.url()).toContain(`exp=${encodeURIComponent(kd)}`);
        await page.goto(`${page.url()}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
        await waitReady(page);
        await poll(() => handle.pathNodes(page).then((n) => n.length)).toBeGreaterThan(0);
        await poll(() => handle.hasNode(page, kd)).toBe(true);
        const url = page.url();
        const path = await handle.pathNodes(page);
        const order = await handle.order(page);
        const visible = await page.evaluate(() => window.__methodgraph!.visibleNodes());
        await page.reload();
        await waitReady(page);
        await poll(() => handle.pathNodes(page)).toEqual(path);
        // The same state, whatever order the parameters are written in.
        const params = (u: string) => [...new URL(u).searchParams.entries()].sort();
        expect(params(page.url())).toEqual(params(url));
        expect(await handle.order(page)).toBe(order);
        const restored = await page.evaluate(() => window.__methodgraph!.visibleNodes());
        expect(restored.sort()).toEqual(visible.sort());
        expect(restored.some((id) => id.startsWith('paper:') && !path.includes(id))).toBe(false);
      });
    });
  });

  describe('#saved query form', () => {
    it('should show an error under a bad depth and find a node by its name', async () => {
      await withPage('', async ({ page }) => {
        await page.getByRole('tab', { name: 'Queries' }).click();
        await page
          .getByRole('list', { name: 'Saved queries' })
          .getByRole('button', { name: /^What builds on a method/ })
          .click();
        const form = page.getByRole('form', { name: /^Parameters of/ });
        const depth = form.getByRole('textbox', { name: 'Parameter depth' });
        await depth.fill('abc');
        await form.getByRole('button', { name: 'Run query' }).click();
        await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/depth must be a whole number from 1 to 6/);
        expect(await page.getByRole('region', { name: 'Query result table' }).count()).toBe(0);
        await depth.fill('2');
        const picker = form.getByRole('combobox', { name: 'Parameter method' });
        await picker.fill('knowledge distillation');
        await form
          .getByRole('option', { name: /knowledge distillation/i })
          .first()
          .click();
        await form.getByRole('button', { name: 'Run query' }).click();
        await poll(() => page.getByRole('region', { name: 'Query result table' }).textContent()).toMatch(/\d+ rows?/);
        expect(decodeURIComponent(page.url())).toContain('"method":"method:');
      });
    });
  });

  describe('#confidence slider', () => {
    it('should hide a low-confidence lineage link once the slider moves above it', async () => {
      const kd = await findId(explorer, 'knowledge distillation', 'Method');
      const other = await findId(explorer, 'Mixture of Experts', 'Architecture');
      const evidence = 'A deliberately weak link written by the confidence slider test.';
      const session = explorer.db.session('WRITE');
      try {
        await session.run(
          'MATCH (a {id: $a}), (b {id: $b}) CREATE (a)-[:BUILDS_ON {kind: "adapts", confidence: 0.55, evidence: $evidence, extractor: "test"}]->(b)',
          { a: other, b: kd, evidence },
        );
      } finally {
        await session.close();
      }
      const details = await api<{ graph: { edges: WireEdge[] } }>(explorer, `/api/nodes/${encodeURIComponent(kd)}`);
      const weak = details.graph.edges.find((e) => e.properties.evidence === evidence);
      expect(weak).toBeDefined();
      await withPage(`?node=${encodeURIComponent(kd)}`, async ({ page }) => {
        await page
          .getByRole('article', { name: /^Details of/ })
          .getByRole('button', { name: 'Expand', exact: true })
          .click();
        await poll(() => page.evaluate((id) => window.__methodgraph!.isEdgeVisible(id), weak!.id)).toBe(true);
        await page.getByRole('slider', { name: 'Hide lineage links below this confidence' }).fill('0.6');
        await poll(() => page.evaluate((id) => window.__methodgraph!.isEdgeVisible(id), weak!.id)).toBe(false);
        expect(page.url()).toContain('conf=0.6');
      });
    });
  });
});
