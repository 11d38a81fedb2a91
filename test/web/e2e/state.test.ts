// End-to-end: URL state restored on reload, exports of PNG, GEXF and CSV, and
// the error banner with retry during a real database outage plus empty states.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it, afterEach } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { buildApp } from '../../../src/server/app.js';
import { dbConfig } from '../../../src/neo4j/config.js';
import { openDatabase } from '../../../src/neo4j/driver.js';
import { distDir } from '../../../src/neo4j/paths.js';
import { emptyDatabase } from '../../helpers/db.js';
import { freePort } from '../../helpers/ports.js';
import {
  closeOpenPages,
  openExplorer,
  sharedPage,
  startExplorer,
  TEST_VIEWPORT,
  waitLayoutIdle,
  waitReady,
  type Explorer,
} from './harness.js';
import { findId, handle, poll } from './helpers.js';
import { boltProxy } from './proxy.js';

let explorer: Explorer;
/** The first view, for the exports of it (the GEXF one, last, hides a label). */
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

async function download(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await dl.path();
  const bytes = await readFile(path);
  return { download: dl, text: bytes.toString('utf8'), bytes };
}

describe('web/explorer', () => {
  describe('#url state (item 10)', () => {
    it('should keep the selected node in the URL and reopen it on reload', async () => {
      const kd = await findId(explorer, 'knowledge distillation', 'Method');
      const { page, context } = await openExplorer(explorer);
      await page.keyboard.press('/');
      await page.keyboard.type('knowledge dist');
      await page
        .getByRole('option', { name: /Knowledge Distillation/i })
        .first()
        .click();
      await poll(() => page.url()).toContain(`node=${encodeURIComponent(kd)}`);
      await page.reload();
      await waitReady(page);
      await poll(() => handle.selected(page)).toBe(kd);
      await poll(() => page.getByRole('article').first().getByRole('heading', { level: 2 }).textContent()).toMatch(
        /Knowledge Distillation/i,
      );
      await context.close();
    });

    it('should reopen a shared lineage view and a shared saved query with its parameters', async () => {
      const kd = await findId(explorer, 'knowledge distillation', 'Method');
      const lineage = await openExplorer(explorer, `?view=lineage&root=${encodeURIComponent(kd)}`, { waitReady: false });
      await poll(() => lineage.page.evaluate(() => window.__methodgraph?.mode())).toBe('lineage');
      expect(await lineage.page.getByRole('region', { name: 'Lineage view' }).textContent()).toMatch(/Knowledge Distillation/i);
      await lineage.context.close();

      const params = encodeURIComponent(JSON.stringify({ method: kd, depth: 2 }));
      const expected = (
        await explorer.app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: { params: { method: kd, depth: 2 } } })
      ).json() as {
        graph: { nodes: unknown[] };
        table: { rows: unknown[] };
      };
      const shared = await openExplorer(explorer, `?query=what-builds-on&params=${params}`);
      await poll(() => shared.page.getByRole('region', { name: 'Query result table' }).textContent()).toContain(
        `${expected.table.rows.length} row`,
      );
      expect(await handle.order(shared.page)).toBe(expected.graph.nodes.length);
      await shared.page.getByRole('tab', { name: 'Queries' }).click();
      expect(await shared.page.getByRole('textbox', { name: 'Parameter depth' }).inputValue()).toBe('2');
      await shared.context.close();
    });
  });

  describe('#export (item 11)', () => {
    it('should download a PNG of the view', async () => {
      const { page } = await firstView();
      await waitLayoutIdle(page);
      const { download: dl, bytes } = await download(page, () => page.getByRole('button', { name: 'Export PNG of the view' }).click());
      expect(dl.suggestedFilename()).toBe('methodgraph.png');
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(bytes.length).toBeGreaterThan(5000);
      // Cut to what the view draws, with a 16-px margin: no empty band where the bars float over the stage.
      const image = await page.evaluate(async (png) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let top = Infinity,
          bottom = -1,
          left = Infinity,
          right = -1;
        for (let y = 0; y < bitmap.height; y += 1)
          for (let x = 0; x < bitmap.width; x += 1) {
            const i = (y * bitmap.width + x) * 4;
            if (pixels[i]! > 252 && pixels[i + 1]! > 252 && pixels[i + 2]! > 252) continue;
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
        return { width: bitmap.width, height: bitmap.height, top, bottom, left, right };
      }, bytes.toString('base64'));
      const stage = (await page.locator('.graph-canvas').boundingBox())!;
      expect(image.height).toBeLessThan(stage.height);
      expect(image.width).toBeLessThanOrEqual(stage.width);
      for (const gap of [image.top, image.left, image.height - 1 - image.bottom, image.width - 1 - image.right])
        expect(gap).toBeLessThanOrEqual(16);
    });

    it('should label the exported image as the view is labelled', async () => {
      const { page } = await firstView();
      await waitLayoutIdle(page);
      const shown = await page.evaluate(() => window.__methodgraph!.displayedLabels());
      const exported = await page.evaluate(() => window.__methodgraph!.exportedLabels());
      expect(shown.length).toBeGreaterThan(10);
      expect(exported.filter((label) => !shown.includes(label))).toEqual([]);
      expect(shown.filter((label) => !exported.includes(label))).toEqual([]);
    });

    it('should download a GEXF of the visible graph only', async () => {
      const { page } = await firstView();
      await page
        .getByRole('navigation', { name: /legend/i })
        .getByRole('button', { name: /Hide Dataset nodes/ })
        .click();
      const visible = await handle.visibleOrder(page);
      const visibleEdges = await page.evaluate(() => window.__methodgraph!.visibleSize());
      const { download: dl, text } = await download(page, () =>
        page.getByRole('button', { name: 'Export GEXF of the visible graph' }).click(),
      );
      expect(dl.suggestedFilename()).toBe('methodgraph.gexf');
      expect(text).toContain('<gexf');
      expect(text.match(/<node /g)?.length).toBe(visible);
      expect(text.match(/<edge /g)?.length ?? 0).toBe(visibleEdges);
      expect(text).not.toMatch(/id="dataset:/);
    });

    it('should download the result table as CSV', async () => {
      const { page, context } = await openExplorer(explorer, '?query=most-built-upon');
      const table = page.getByRole('region', { name: 'Query result table' });
      await table.waitFor();
      const headers = await table.getByRole('columnheader').allTextContents();
      const rows = (await table.getByRole('row').count()) - 1;
      const { download: dl, text } = await download(page, () => table.getByRole('button', { name: 'Export the table as CSV' }).click());
      expect(dl.suggestedFilename()).toBe('most-built-upon.csv');
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toBe(headers.join(','));
      expect(lines).toHaveLength(rows + 1);
      await context.close();
    });
  });

  describe('#errors and empty states (item 12)', () => {
    it('should show a banner with retry while the database is down, and recover with retry', { timeout: 180_000 }, async () => {
      const target = new URL(inject('neo4jUri').replace(/^[a-z+]+:/, 'http:'));
      const proxy = await boltProxy({ host: target.hostname, port: Number(target.port) }, await freePort());
      const db = await openDatabase({ ...dbConfig(), uri: `bolt://127.0.0.1:${proxy.port}` });
      const app = await buildApp({ db, staticDir: distDir, healthTimeoutMs: 2000 });
      const port = await freePort();
      await app.listen({ host: '127.0.0.1', port });
      const context = await explorer.browser.newContext({ viewport: TEST_VIEWPORT });
      try {
        await proxy.down();
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${port}/`);
        const banner = page.getByRole('alert');
        await poll(() => banner.textContent(), 45_000).toMatch(/Cannot load the graph: the API or the database is not answering/);
        expect(await page.evaluate(() => window.__methodgraph?.order() ?? 0)).toBe(0);
        await proxy.up();
        await banner.getByRole('button', { name: 'Retry' }).click();
        await waitReady(page);
        expect(await handle.order(page)).toBeGreaterThan(0);
        expect(await page.getByRole('alert').count()).toBe(0);

        const kd = await findId(explorer, 'knowledge distillation', 'Method');
        await page.goto(`http://127.0.0.1:${port}/?node=${encodeURIComponent(kd)}`);
        await waitReady(page);
        await page.getByRole('button', { name: 'Show only this node' }).click();
        await proxy.down();
        await page.getByRole('button', { name: 'Expand', exact: true }).click();
        await poll(() => page.getByRole('alert').first().textContent(), 45_000).toMatch(/Cannot expand/);
        expect(await handle.order(page)).toBe(1);
        await proxy.up();
        await page.getByRole('alert').first().getByRole('button', { name: 'Retry' }).click();
        await poll(() => handle.order(page), 45_000).toBeGreaterThan(1);
      } finally {
        await context.close();
        await app.close();
        await db.close();
        await proxy.close();
      }
    });

    it('should say so when the database is empty', async () => {
      await emptyDatabase(explorer.db);
      const { page, context } = await openExplorer(explorer, '', { waitReady: false });
      await poll(() => page.getByRole('status').filter({ hasText: 'database is empty' }).count()).toBe(1);
      await context.close();
    });
  });
});
