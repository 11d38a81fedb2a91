// End-to-end: search with autocomplete, the details panel for papers, methods and links, and
// the keyboard (/ focuses search, Esc clears the selection, named and visible controls).
import { afterAll, beforeAll, describe, expect, it, afterEach } from 'vitest';
import { closeOpenPages, openExplorer, startExplorer, waitLayoutIdle, type Explorer } from './harness.js';
import type { StatementsResponse } from '../../../src/shared/api/statements.js';
import { api, findId, handle, searchAndChoose, settledScreenPosition, poll } from './helpers.js';

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

describe('web/explorer', () => {
  describe('#search (item 3)', () => {
    it('should suggest Mamba and MambaMixer for "mamb", select the chosen one and centre the camera on it', async () => {
      const mamba = await findId(explorer, 'Mamba', 'Architecture');
      const { page, context } = await openExplorer(explorer);
      await waitLayoutIdle(page);
      await page.keyboard.press('/');
      await page.keyboard.type('mamb');
      const list = page.getByRole('listbox', { name: 'Search suggestions' });
      await poll(() => list.getByRole('option').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^MambaMixer/), expect.stringMatching(/^Mamba(Architecture)?$/)]),
      );
      await list.getByRole('option', { name: /^Mamba\s*Architecture$/ }).click();
      await poll(() => handle.selected(page)).toBe(mamba);
      const p = await settledScreenPosition(page, mamba);
      const box = (await page.locator('.graph-canvas').boundingBox())!;
      expect(Math.abs(p.x - (box.x + box.width / 2))).toBeLessThan(30);
      expect(Math.abs(p.y - (box.y + box.height / 2))).toBeLessThan(30);
      await poll(() => page.getByRole('article').getByRole('heading', { level: 2 }).textContent()).toBe('Mamba');
      await context.close();
    });

    it('should say so when nothing matches', async () => {
      const { page, context } = await openExplorer(explorer);
      await page.keyboard.press('/');
      await page.keyboard.type('zzxqvw');
      await poll(() => page.getByRole('listbox', { name: 'Search suggestions' }).textContent()).toContain('No matches');
      await context.close();
    });
  });

  describe('#details (item 4)', () => {
    it('should show a paper with its abstract, clickable highlighted entities, methods, datasets and code', async () => {
      const paper = await findId(explorer, 'm2mKD: Module-to-Module Knowledge Distillation for Modular Transformers', 'Paper');
      const { page, context } = await openExplorer(explorer, `?node=${encodeURIComponent(paper)}`);
      const panel = page.getByRole('article', { name: /Details of m2mKD/ });
      await panel.waitFor();
      await poll(() => panel.getByRole('heading', { level: 3, name: /Proposes/ }).count()).toBe(1);
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain('Paper');
      expect(text).toMatch(/Datasets/);
      expect(text).toMatch(/ImageNet/);
      await poll(() => panel.getByRole('link', { name: /github\.com\/kamanphoebe\/m2mkd/i }).count()).toBeGreaterThan(0);
      const mentions = panel.locator('.abstract .mention');
      expect(await mentions.count()).toBeGreaterThan(0);
      const mention = panel.locator('.abstract .mention', { hasText: /^Tiny-ImageNet$/ }).first();
      await mention.click();
      const tiny = await findId(explorer, 'Tiny-ImageNet', 'Dataset');
      await poll(() => handle.selected(page)).toBe(tiny);
      await context.close();
    });

    it('should show a method with aliases, proposing paper and what builds on it, and a link with its evidence', async () => {
      const kd = await findId(explorer, 'knowledge distillation', 'Method');
      const details = await api<{ node: { properties: { aliases: string[] } } }>(explorer, `/api/nodes/${encodeURIComponent(kd)}`);
      const { page, context } = await openExplorer(explorer, `?node=${encodeURIComponent(kd)}`);
      const panel = page.getByRole('article', { name: /Details of Knowledge Distillation/i });
      await panel.waitFor();
      await poll(() => panel.getByRole('heading', { name: /Built upon by/ }).count()).toBe(1);
      expect(details.node.properties.aliases.length).toBeGreaterThan(0);
      expect(await panel.textContent()).toContain(details.node.properties.aliases[0]);
      const builtUpon = panel.locator('section', { has: page.getByRole('heading', { name: /Built upon by/ }) });
      expect(await builtUpon.getByRole('button', { name: /Select m2mKD/i }).count()).toBeGreaterThan(0);
      await builtUpon
        .getByRole('button', { name: /Details of the link/ })
        .first()
        .click();
      const edgePanel = page.getByRole('article', { name: /Details of BUILDS_ON link/ });
      await edgePanel.waitFor();
      const edgeText = (await edgePanel.textContent()) ?? '';
      expect(edgeText).toContain('BUILDS_ON');
      // A quotation from a paper, or the taxonomy's justification shown as background knowledge.
      expect(edgeText).toMatch(/Evidence“.+”|Taxonomy:.+/);
      expect(edgeText).toMatch(/Confidence\d\.\d\d/);
      expect(edgeText).toMatch(/Source(curated taxonomy|.+)/);
      await context.close();
    });

    it('should show a taxonomy link with the papers that name both its ends and their sentences', async () => {
      const gelu = await findId(explorer, 'GELU', 'Method');
      const relu = await findId(explorer, 'ReLU', 'Method');
      const statements = await api<StatementsResponse>(explorer, `/api/statements?from=${gelu}&to=${relu}`);
      expect(statements.total).toBeGreaterThan(0);
      const first = statements.statements[0]!;
      const { page, context } = await openExplorer(explorer, `?node=${encodeURIComponent(gelu)}`);
      const panel = page.getByRole('article', { name: /Details of GELU/i });
      await panel.waitFor();
      await panel
        .getByRole('button', { name: /Details of the link to ReLU/ })
        .first()
        .click();
      const edgePanel = page.getByRole('article', { name: /Details of BUILDS_ON link/ });
      await edgePanel.waitFor();
      expect(await edgePanel.textContent()).toMatch(/Taxonomy:.+drawn because a paper names both ends/);
      const named = edgePanel.getByRole('region', { name: 'Papers naming both ends' });
      const papers = statements.total === 1 ? 'paper' : 'papers';
      await poll(() => named.getByRole('heading', { level: 3 }).textContent()).toBe(`Named together in ${statements.total} ${papers}`);
      expect(await named.locator('blockquote').first().textContent()).toBe(`“${first.sentences[0]}”`);
      await named
        .getByRole('button', { name: new RegExp(`Select ${first.paper.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
        .click();
      await poll(() => handle.selected(page)).toBe(first.paper.id);
      await context.close();
    });
  });

  describe('#keyboard', () => {
    it('should focus search with / and clear the selection with Esc', async () => {
      const kd = await findId(explorer, 'knowledge distillation', 'Method');
      const { page, context } = await openExplorer(explorer, `?node=${encodeURIComponent(kd)}`);
      await poll(() => handle.selected(page)).toBe(kd);
      await page.locator('body').click({ position: { x: 700, y: 5 } });
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await poll(() => handle.selected(page)).toBeNull();
      expect(page.url()).not.toContain('node=');
      await context.close();
    });

    it('should give every control an accessible name and a visible focus ring, reachable with Tab', async () => {
      const { page, context } = await openExplorer(explorer);
      await searchAndChoose(page, 'knowledge dist', 'Knowledge Distillation');
      const unnamed = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('button, input, select, a[href], [role="tab"]')) {
          const labelled =
            el.getAttribute('aria-label') ||
            el.textContent?.trim() ||
            (el.id && document.querySelector(`label[for="${el.id}"]`)) ||
            el.closest('label')?.textContent?.trim() ||
            el.getAttribute('title');
          if (!labelled) out.push(el.outerHTML.slice(0, 80));
        }
        return out;
      });
      expect(unnamed).toEqual([]);
      const seen = new Set<string>();
      let ringless = 0;
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          return {
            name: el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName,
            ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
          };
        });
        if (!info) continue;
        seen.add(info.name);
        if (!info.ring) ringless += 1;
      }
      expect([...seen]).toEqual(
        expect.arrayContaining(['Fit graph to screen', 'Export PNG of the view', 'Expand', expect.stringMatching(/(Start|Stop) layout/)]),
      );
      expect(ringless).toBe(0);
      await context.close();
    });
  });
});
