// End-to-end: comparing two lineages (colours, counts, ancestor lists, URL, undo), the lineage on a
// publication-year axis (ticks, undo) and the minimap (toggle with m, drag the viewport rectangle).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DiffResponse } from '../../../src/shared/api/diff.js';
import { projectRoot } from '../../../src/neo4j/paths.js';
import { closeOpenPages, nodeOnScreen, openExplorer, startExplorer, waitLayoutIdle, type Explorer } from './harness.js';
import { api, handle, nextFrames, poll } from './helpers.js';

const CLIP = 'architecture:clip';
const ALIGN = 'architecture:align';
const SEQBOAT = 'architecture:seqboat';
const SIDE_COLORS = { shared: '#7c3aed', a: '#2563eb', b: '#ea580c' };

let explorer: Explorer;

// Building the explorer, starting Neo4j and loading the corpus can take minutes on a loaded machine.
beforeAll(async () => {
  explorer = await startExplorer();
}, 600_000);

afterEach(async () => {
  await closeOpenPages(explorer);
});

afterAll(async () => {
  await explorer?.close();
});

/** A page opened on the explorer once its first graph is drawn; a loaded machine may need well over the usual 20 s. */
async function open(path = '') {
  const opened = await openExplorer(explorer, path, { waitReady: false });
  await opened.page.waitForFunction(() => window.__methodgraph?.ready === true, undefined, { timeout: 120_000 });
  return opened;
}

/** Each test drives a real browser against a real Neo4j: minutes on a loaded machine. */
const SLOW = 300_000;

const ticksOf = (page: Page) =>
  page.evaluate(() => (document.querySelector('canvas.sigma-yearAxis') as HTMLCanvasElement | null)?.dataset.ticks ?? '');
const colours = (page: Page) => page.evaluate(() => window.__methodgraph!.visibleNodes().map((id) => window.__methodgraph!.nodeColor(id)));

describe('web/compare', () => {
  describe('#compare', () => {
    it(
      'should draw two lineages in three colours with counts and the ancestors each adds, in the URL and undo',
      async () => {
        const diff = await api<DiffResponse>(explorer, `/api/diff?a=${CLIP}&b=${ALIGN}`);
        const { page, errors } = await open(`?node=${encodeURIComponent(CLIP)}`);
        await page.getByRole('button', { name: 'Compare with…' }).click();
        await page.getByRole('combobox', { name: 'Compare with' }).fill('ALIGN');
        await page.getByRole('option', { name: /^ALIGN\s*Architecture$/ }).click();
        await page.getByRole('button', { name: 'Compare', exact: true }).click();
        await poll(() => handle.order(page)).toBe(diff.graph.nodes.length);
        expect(await handle.mode(page)).toBe('lineage');
        expect(await handle.color(page, CLIP)).toBe(SIDE_COLORS.a);
        expect(await handle.color(page, ALIGN)).toBe(SIDE_COLORS.b);
        expect(await handle.color(page, 'architecture:transformer')).toBe(SIDE_COLORS.shared);
        expect(new Set(await colours(page))).toEqual(new Set(Object.values(SIDE_COLORS)));

        const bar = page.getByRole('region', { name: 'Compare view' });
        expect(await bar.textContent()).toContain('Comparing CLIP with ALIGN');
        const legend = bar.getByRole('list', { name: 'Compare legend' });
        expect(await legend.textContent()).toContain(`Shared: ${diff.counts.nodes.shared} nodes · ${diff.counts.edges.shared} links`);
        expect(await legend.textContent()).toContain(`Only CLIP: ${diff.counts.nodes.a} nodes`);
        expect(await legend.textContent()).toContain(`Only ALIGN: ${diff.counts.nodes.b} nodes`);
        const shared = page.getByRole('list', { name: 'Shared ancestors' });
        expect(await shared.textContent()).toContain('Transformer');
        expect(await page.getByRole('list', { name: 'Ancestors only CLIP adds' }).textContent()).toContain('Contrastive Learning');
        expect(await page.getByRole('list', { name: 'Ancestors only ALIGN adds' }).textContent()).toContain('BERT');
        expect(page.url()).toContain(`compare=${encodeURIComponent(`${CLIP},${ALIGN}`)}`);

        await page.getByRole('button', { name: 'Undo' }).click();
        await poll(() => handle.mode(page)).toBe('graph');
        expect(page.url()).not.toContain('compare=');
        expect(await page.getByRole('region', { name: 'Compare view' }).count()).toBe(0);
        await page.getByRole('button', { name: 'Redo' }).click();
        await poll(() => page.url()).toContain('compare=');
        expect(await handle.color(page, ALIGN)).toBe(SIDE_COLORS.b);

        await page.reload();
        await page.waitForFunction(() => window.__methodgraph?.ready === true, undefined, { timeout: 120_000 });
        await poll(() => handle.order(page)).toBe(diff.graph.nodes.length);
        expect(await handle.color(page, 'architecture:transformer')).toBe(SIDE_COLORS.shared);
        expect(errors).toEqual([]);
      },
      SLOW,
    );
  });

  describe('#year axis', () => {
    it(
      "should place SeqBoat's lineage on a labelled year axis, toggled from the toolbar, in the URL and undo",
      async () => {
        const lineage = await api<{ graph: { nodes: { id: string; properties: { proposedYear: number | null } }[] } }>(
          explorer,
          `/api/lineage/${SEQBOAT}?direction=both`,
        );
        const { page, errors } = await open(`?view=lineage&root=${encodeURIComponent(SEQBOAT)}`);
        await poll(() => handle.mode(page)).toBe('lineage');
        expect(await ticksOf(page)).toBe('');
        await page.getByRole('toolbar', { name: 'Graph tools' }).getByRole('button', { name: 'By year' }).click();
        await poll(() => page.url()).toContain('by=year');
        await poll(() => ticksOf(page)).toMatch(/\b20\d\d\b/);
        const years = (await ticksOf(page))
          .split(',')
          .filter((t) => t !== 'undated')
          .map(Number);
        expect(years.length).toBeGreaterThanOrEqual(3);
        expect(years).toEqual([...years].sort((a, b) => a - b));
        // SeqBoat (2023) stands right of everything proposed earlier.
        const seqboat = (await handle.position(page, SEQBOAT))!;
        for (const n of lineage.graph.nodes) {
          const year = n.properties.proposedYear;
          if (year !== null && year < 2023) expect((await handle.position(page, n.id))!.x).toBeLessThan(seqboat.x);
        }
        // The axis band is drawn: dark label pixels along the top of the stage.
        await nextFrames(page, 5);
        const stage = (await page.locator('.graph-canvas').boundingBox())!;
        const band = await page.screenshot({ clip: { x: stage.x, y: stage.y, width: stage.width, height: 26 } });
        expect(band.length).toBeGreaterThan(2000);
        const shot = await page.screenshot();
        if (process.env.METHODGRAPH_SCREENSHOTS) writeFileSync(join(projectRoot, 'docs', 'screenshot-year-axis.png'), shot);

        await page.getByRole('button', { name: 'Undo' }).click();
        await poll(() => ticksOf(page)).toBe('');
        expect(page.url()).not.toContain('by=year');
        expect(errors).toEqual([]);
      },
      SLOW,
    );
  });

  describe('#minimap', () => {
    it(
      'should toggle with m, keep Fit clear of it, and move the camera when its viewport rectangle is dragged',
      async () => {
        const { page, errors } = await open();
        await waitLayoutIdle(page);
        const minimap = page.getByRole('img', { name: /^Minimap/ });
        expect(await minimap.count()).toBe(0);
        await page.locator('body').press('m');
        await minimap.waitFor();
        expect(await page.getByRole('button', { name: 'Minimap' }).getAttribute('aria-pressed')).toBe('true');
        await poll(() => minimap.getAttribute('data-viewport')).toMatch(/\d/);
        // Labels keep out from under the open minimap, and Fit keeps the drawing clear of it.
        const panel = (await minimap.boundingBox())!;
        const labelsUnder = () =>
          page.evaluate(
            (p) =>
              window
                .__methodgraph!.displayedLabelBoxes()
                .filter((b) => b.x < p.x + p.width && p.x < b.x + b.w && b.y < p.y + p.height && p.y < b.y + b.h)
                .map((b) => b.label),
            panel,
          );
        // Drag the view so that a labelled node sits in the middle of the minimap: its label is not drawn there.
        const labelled = (await page.evaluate(() => window.__methodgraph!.displayedLabelBoxes()))[0]!;
        const from = await nodeOnScreen(page, labelled.node);
        const to = { x: panel.x + panel.width / 2, y: panel.y + panel.height / 2 };
        await page.mouse.move(from.x, from.y);
        await page.mouse.down();
        await page.mouse.move(to.x, to.y, { steps: 20 });
        await nextFrames(page, 5);
        await page.mouse.up();
        await poll(() => page.evaluate(() => window.__methodgraph!.cameraMoving())).toBe(false);
        await nextFrames(page, 2);
        expect(await labelsUnder()).toEqual([]);
        await page.getByRole('button', { name: 'Fit graph to screen' }).click();
        await poll(() => page.evaluate(() => window.__methodgraph!.cameraMoving())).toBe(false);
        await nextFrames(page, 2);
        expect(await labelsUnder()).toEqual([]);
        const under = await page.evaluate(
          (p) =>
            window.__methodgraph!.visibleNodes().filter((n) => {
              const s = window.__methodgraph!.nodeOnScreen(n)!;
              return s.x >= p.x && s.x <= p.x + p.width && s.y >= p.y && s.y <= p.y + p.height;
            }),
          panel,
        );
        expect(under).toEqual([]);
        const id = await page.evaluate(() => window.__methodgraph!.visibleNodes()[0]!);
        const before = (await page.evaluate((n) => window.__methodgraph!.nodeOnScreen(n), id))!;
        const rect = (await minimap.getAttribute('data-viewport'))!.split(',').map(Number) as [number, number, number, number];
        const box = (await minimap.boundingBox())!;
        const cx = box.x + Math.min(Math.max(rect[0] + rect[2] / 2, 10), box.width - 10);
        const cy = box.y + Math.min(Math.max(rect[1] + rect[3] / 2, 10), box.height - 10);
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        await page.mouse.move(cx + 15, cy + 10, { steps: 5 });
        await page.mouse.move(cx + 30, cy + 20, { steps: 5 });
        await page.mouse.up();
        await nextFrames(page, 3);
        const after = (await page.evaluate((n) => window.__methodgraph!.nodeOnScreen(n), id))!;
        // The view moved right and down, so the drawing moved left and up on the screen.
        expect(after.x).toBeLessThan(before.x - 20);
        expect(after.y).toBeLessThan(before.y - 10);
        const moved = (await minimap.getAttribute('data-viewport'))!.split(',').map(Number);
        expect(moved[0]).toBeGreaterThan(rect[0] + 20);
        await page.locator('body').press('m');
        await poll(() => minimap.count()).toBe(0);
        expect(await handle.selected(page)).toBeNull();
        expect(errors).toEqual([]);
      },
      SLOW,
    );
  });
});
