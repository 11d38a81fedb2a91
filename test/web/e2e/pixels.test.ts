// Screenshot checks of the canvas for both WebGL program sets (sigma's own, and the non-instanced
// copies used on software renderers): a small known graph — two nodes and the BUILDS_ON link
// between them — must show each node's colour at its position and a visible link between them.
import { afterAll, beforeAll, describe, expect, it, afterEach } from 'vitest';
import type { Page } from 'playwright-core';
import { closeOpenPages, openExplorer, startExplorer, waitLayoutIdle, type Explorer } from './harness.js';
import { api, findId, poll } from './helpers.js';

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

interface WireGraph {
  nodes: { id: string; label: string }[];
  edges: { id: string; type: string; source: string; target: string; properties: Record<string, unknown> }[];
}

type Rgb = [number, number, number];

const hex = (c: string): Rgb => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
const distance = (a: Rgb, b: Rgb) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));

/** The colours of a square of pixels around (x, y) in a screenshot of the page. */
async function pixelsAround(page: Page, x: number, y: number, radius: number): Promise<Rgb[]> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, x, y, radius }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const size = radius * 2 + 1;
      const data = ctx.getImageData(Math.round(x) - radius, Math.round(y) - radius, size, size).data;
      const out: [number, number, number][] = [];
      for (let i = 0; i < data.length; i += 4) out.push([data[i]!, data[i + 1]!, data[i + 2]!]);
      return out;
    },
    { png, x, y, radius },
  );
}

async function knownLink(): Promise<{ source: string; target: string; sourceLabel: string; targetLabel: string }> {
  const kd = await findId(explorer, 'knowledge distillation', 'Method');
  const lineage = await api<{ graph: WireGraph }>(explorer, `/api/lineage/${encodeURIComponent(kd)}`);
  const link = lineage.graph.edges.find(
    (e) => e.type === 'BUILDS_ON' && !(typeof e.properties.confidence === 'number' && e.properties.confidence < 0.5),
  );
  if (!link) throw new Error('test/web/e2e/pixels: the default corpus has no BUILDS_ON link around knowledge distillation');
  const label = (id: string) => lineage.graph.nodes.find((n) => n.id === id)!.label;
  return { source: link.source, target: link.target, sourceLabel: label(link.source), targetLabel: label(link.target) };
}

const LABEL_COLORS: Record<string, string> = { Method: '#e8833a', Architecture: '#c0392b', Dataset: '#2e9e6a' };
const BUILDS_ON_COLOR = '#c0392b';

describe('web/graph programs', () => {
  for (const programs of ['stock', 'compat'] as const) {
    it(`should draw node colours at their positions and a visible link with the ${programs} programs`, async () => {
      const link = await knownLink();
      const cypher = 'MATCH (a {id: $a})-[r:BUILDS_ON]->(b {id: $b}) RETURN a, r, b LIMIT 1';
      const params = JSON.stringify({ a: link.source, b: link.target });
      const { page, context } = await openExplorer(
        explorer,
        `?programs=${programs}&cypher=${encodeURIComponent(cypher)}&params=${encodeURIComponent(params)}`,
      );
      try {
        expect(await page.evaluate(() => window.__methodgraph!.programSet())).toBe(programs);
        await poll(() => page.evaluate(() => window.__methodgraph!.order())).toBe(2);
        await waitLayoutIdle(page);
        await page.mouse.move(1, 1);
        const s = (await page.evaluate((id) => window.__methodgraph!.nodeOnScreen(id), link.source))!;
        const t = (await page.evaluate((id) => window.__methodgraph!.nodeOnScreen(id), link.target))!;
        const [sourcePixel] = await pixelsAround(page, s.x, s.y, 0);
        const [targetPixel] = await pixelsAround(page, t.x, t.y, 0);
        expect(distance(sourcePixel!, hex(LABEL_COLORS[link.sourceLabel]!))).toBeLessThan(24);
        expect(distance(targetPixel!, hex(LABEL_COLORS[link.targetLabel]!))).toBeLessThan(24);
        const middle = await pixelsAround(page, (s.x + t.x) / 2, (s.y + t.y) / 2, 3);
        const closest = Math.min(...middle.map((p) => distance(p, hex(BUILDS_ON_COLOR))));
        expect(closest).toBeLessThan(60);
      } finally {
        await context.close();
      }
    });
  }
});
