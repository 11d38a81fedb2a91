// End-to-end: saved queries with parameter forms, replace/add and a table; the lazily loaded Cypher
// editor with inline errors; filters by label, type and year, and community colours.
import { afterAll, beforeAll, describe, expect, it, afterEach } from 'vitest';
import type { Page } from 'playwright-core';
import { closeOpenPages, openExplorer, startExplorer, waitLayoutIdle, type Explorer } from './harness.js';
import { api, handle, poll } from './helpers.js';
import { COMMUNITY_COLORS } from '../../../src/web/types.js';

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

interface Saved {
  name: string;
  title: string;
  params: { name: string; default: unknown }[];
}

async function savedQuery(name: string): Promise<Saved> {
  const { queries } = await api<{ queries: Saved[] }>(explorer, '/api/queries');
  const q = queries.find((x) => x.name === name);
  if (!q) throw new Error(`test/web/e2e: no saved query ${name}`);
  return q;
}

async function runSaved(name: string, params: Record<string, unknown>) {
  const res = await explorer.app.inject({ method: 'POST', url: `/api/queries/${name}`, payload: { params } });
  return res.json() as { graph: { nodes: { id: string }[] }; table: { rows: unknown[] } };
}

async function typeCypher(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Cypher query' });
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('web/explorer', () => {
  describe('#saved queries (item 8)', () => {
    it('should list the saved queries, run one from its form, draw its result, show a table and put it in the URL', async () => {
      const q = await savedQuery('what-builds-on');
      const defaults = Object.fromEntries(q.params.map((p) => [p.name, p.default]));
      const expected = await runSaved('what-builds-on', defaults);
      expect(expected.graph.nodes.length).toBeGreaterThan(0);
      const { page, context } = await openExplorer(explorer);
      await page.getByRole('tab', { name: 'Queries' }).click();
      const list = page.getByRole('list', { name: 'Saved queries' });
      await list.waitFor();
      expect(await list.getByRole('button').count()).toBeGreaterThanOrEqual(12);
      await list.getByRole('button', { name: new RegExp(q.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
      const form = page.getByRole('form', { name: `Parameters of ${q.title}` });
      // A node parameter shows the default node's name once it is looked up, not its id.
      expect(q.params[0]!.name).toBe('method');
      await poll(() => form.getByRole('combobox', { name: 'Parameter method' }).inputValue()).toMatch(/knowledge distillation/i);
      await form.getByRole('button', { name: 'Run query' }).click();
      await poll(() => handle.order(page)).toBe(expected.graph.nodes.length);
      const table = page.getByRole('region', { name: 'Query result table' });
      await poll(() => table.textContent()).toContain(`${expected.table.rows.length} row`);
      expect(await table.getByRole('row').count()).toBe(expected.table.rows.length + 1);
      expect(page.url()).toContain('query=what-builds-on');
      expect(decodeURIComponent(page.url())).toContain(`"${q.params[0]!.name}":`);
      await context.close();
    });

    it('should add a result to the view, say when there are no results, and show a bad parameter inline', async () => {
      const q = await savedQuery('most-built-upon');
      const expected = await runSaved('most-built-upon', {});
      const { page, context } = await openExplorer(explorer);
      await waitLayoutIdle(page);
      const before = await handle.order(page);
      await page.getByRole('tab', { name: 'Queries' }).click();
      await page
        .getByRole('list', { name: 'Saved queries' })
        .getByRole('button', { name: new RegExp(q.title) })
        .click();
      const form = page.getByRole('form', { name: `Parameters of ${q.title}` });
      await form.getByRole('radio', { name: 'Add to view' }).check();
      await form.getByRole('button', { name: 'Run query' }).click();
      await poll(() => page.getByRole('region', { name: 'Query result table' }).textContent()).toContain(
        `${expected.table.rows.length} row`,
      );
      expect(await handle.order(page)).toBe(before);

      const wb = await savedQuery('what-builds-on');
      await page
        .getByRole('list', { name: 'Saved queries' })
        .getByRole('button', { name: new RegExp(wb.title) })
        .click();
      const form2 = page.getByRole('form', { name: `Parameters of ${wb.title}` });
      await form2.getByRole('combobox', { name: 'Parameter method' }).fill('method:no-such-method');
      await form2.getByRole('button', { name: 'Run query' }).click();
      await poll(() => page.getByRole('region', { name: 'Query result table' }).textContent()).toContain('No results');
      await form2.getByRole('textbox', { name: 'Parameter depth' }).fill('99');
      await form2.getByRole('button', { name: 'Run query' }).click();
      await poll(() => form2.getByRole('alert').textContent()).toMatch(/depth/);
      await context.close();
    });
  });

  describe('#cypher editor (item 8)', () => {
    it('should load the editor only when opened, run read-only Cypher and show errors inline', async () => {
      const { page, context } = await openExplorer(explorer);
      const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /CypherPanel/.test(e.name)));
      expect(await loaded()).toBe(false);
      await page.getByRole('tab', { name: 'Cypher' }).click();
      await page.getByRole('textbox', { name: 'Cypher query' }).waitFor();
      expect(await loaded()).toBe(true);

      await typeCypher(page, 'MATCH (m:Method)-[r:BUILDS_ON]->(b) RETURN m, r, b');
      await page.getByRole('button', { name: 'Run Cypher' }).click();
      const table = page.getByRole('region', { name: 'Query result table' });
      await poll(() => table.textContent()).toMatch(/\d+ rows?/);
      const order = await handle.order(page);
      expect(order).toBeGreaterThan(1);
      expect(page.url()).toContain('cypher=');

      await typeCypher(page, "CREATE (n:Method {id: 'method:e2e'}) RETURN n");
      await page.getByRole('button', { name: 'Run Cypher' }).click();
      await poll(() => page.locator('.cypher').getByRole('alert').textContent()).toMatch(/read-only|refused/i);
      expect(await handle.order(page)).toBe(order);
      const check = await explorer.app.inject({ method: 'GET', url: '/api/nodes/method:e2e' });
      expect(check.statusCode).toBe(404);

      await typeCypher(page, 'MATCH (n RETURN n');
      await page.getByRole('button', { name: 'Run Cypher' }).click();
      await poll(() => page.locator('.cypher').getByRole('alert').textContent()).toMatch(/Invalid input|syntax/i);
      await context.close();
    });
  });

  describe('#filters (item 9)', () => {
    it('should filter by relationship type, label and year range, undoably', async () => {
      const overview = await api<{
        graph: {
          nodes: { id: string; label: string; properties: { year?: number } }[];
          edges: { type: string; properties: { confidence?: number } }[];
        };
      }>(explorer, '/api/overview?limit=2000');
      // The BUILDS_ON links the default confidence threshold (0.5) shows.
      const buildsOn = overview.graph.edges.filter((e) => e.type === 'BUILDS_ON' && (e.properties.confidence ?? 1) >= 0.5).length;
      const { page, context } = await openExplorer(explorer);
      await page.getByRole('tab', { name: 'Filters' }).click();
      const visibleSize = () => page.evaluate(() => window.__methodgraph!.visibleSize());
      const all = await visibleSize();
      await page.getByRole('checkbox', { name: 'BUILDS_ON' }).uncheck();
      expect(await visibleSize()).toBe(all - buildsOn);
      await page.getByRole('button', { name: 'Undo' }).click();
      expect(await visibleSize()).toBe(all);

      const papers = overview.graph.nodes.filter((n) => n.label === 'Paper');
      const older = papers[0]!;
      const latest = 2023;
      // The default corpus's papers carry no year: give two of them one, then reload the view.
      const session = explorer.db.session('WRITE');
      try {
        await session.run('MATCH (p:Paper {id: $old}) SET p.year = 2019 WITH 1 AS one MATCH (q:Paper {id: $new}) SET q.year = $latest', {
          old: older.id,
          new: papers[1]!.id,
          latest,
        });
      } finally {
        await session.close();
      }
      await page.reload();
      await page.waitForFunction(() => window.__methodgraph?.ready === true);
      await page.getByRole('tab', { name: 'Filters' }).click();
      await page.getByRole('checkbox', { name: 'Paper', exact: true }).check();
      await page.getByRole('checkbox', { name: /papers that propose/i }).uncheck();
      await poll(() => handle.isVisible(page, older.id)).toBe(true);
      await page.getByRole('spinbutton', { name: 'From year' }).fill(String(latest));
      await poll(() => handle.isVisible(page, older.id)).toBe(false);
      await page.getByRole('checkbox', { name: 'Paper', exact: true }).uncheck();
      expect(await handle.isVisible(page, papers[0]!.id)).toBe(false);
      await page.getByRole('button', { name: 'Reset filters' }).click();
      expect(await handle.isVisible(page, papers[0]!.id)).toBe(true);
      await context.close();
    });

    it('should colour nodes by Louvain community', async () => {
      const { page, context } = await openExplorer(explorer);
      const ids = await page.evaluate(() => window.__methodgraph!.visibleNodes());
      await page.getByRole('combobox', { name: 'Colour nodes by' }).selectOption('community');
      const palette = COMMUNITY_COLORS;
      await poll(async () => palette.includes((await handle.color(page, ids[0]!)) ?? '')).toBe(true);
      const colours = new Set<string>();
      for (const id of ids) colours.add((await handle.color(page, id))!);
      expect(colours.size).toBeGreaterThan(1);
      expect(await page.getByRole('navigation', { name: /legend/i }).textContent()).toContain('Coloured by community');
      await context.close();
    });
  });
});
