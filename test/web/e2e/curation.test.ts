// End-to-end curation in Chromium: the token moves from the URL to sessionStorage; reject a link →
// gone from graph and lineage, still gone after a re-ingest, struck through with "Show rejected";
// add a link with a note → in the lineage with the note as evidence; retarget; change kind; and
// export → fresh database holding the default corpus → import gives the same curated state (the same
// with a real ingest into the fresh database is in test/neo4j/curation.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../ingest/run.js';
import { importCurations, listCurations } from '../../../src/neo4j/curation/store.js';
import { readCurationFile, writeCurationFile } from '../../../src/neo4j/curation/transfer.js';
import { loadDefaultCorpus } from '../../helpers/corpus.js';
import { closeOpenPages, openExplorer, startExplorer, type Explorer } from './harness.js';

/** What the user sees may take long on a machine shared by many test runs: poll for up to two minutes. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 120_000, interval: 250 });

const TOKEN = 'e2e-curation-token-0123456789';
let explorer: Explorer;
let dir: string;

interface Link {
  from: string;
  to: string;
  id: string;
  toName: string;
  kind: string;
}

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = explorer.db.session('READ');
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

/** Extracted BUILDS_ON links with evidence, one per pair of methods or architectures, each from a different node. */
async function extractedLinks(): Promise<Link[]> {
  return rows<Link>(
    `MATCH (a:Method|Architecture)-[r:BUILDS_ON]->(b:Method|Architecture)
     WHERE r.source = 'extraction' AND r.kind IS NOT NULL AND r.confidence >= 0.5 AND r.evidence <> ''
       AND COUNT { (a)-[:BUILDS_ON]->(b) } = 1
     WITH a, collect({r: r, b: b})[0] AS first ORDER BY a.id
     RETURN a.id AS from, first.b.id AS to, first.r.id AS id, first.b.name AS toName, first.r.kind AS kind LIMIT 4`,
  );
}

const edgeVisible = (page: Page, id: string) => page.evaluate((e) => window.__methodgraph!.isEdgeVisible(e), id);

/** Opens the lineage of `root` from a URL that carries the token, as npm start prints it. */
async function openLineage(root: string, extra = ''): Promise<Page> {
  const { page } = await openExplorer(explorer, `?view=lineage&root=${encodeURIComponent(root)}${extra}#token=${TOKEN}`, {
    waitReady: false,
  });
  await poll(() => page.evaluate(() => window.__methodgraph?.mode())).toBe('lineage');
  return page;
}

/** Opens the details of the link from the selected root to `toName` through its "details" button. */
async function openLinkDetails(page: Page, toName: string): Promise<void> {
  await page
    .getByRole('button', { name: `Details of the link to ${toName}` })
    .first()
    .click();
  await page.getByRole('region', { name: 'Curate this link' }).waitFor({ timeout: 120_000 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'methodgraph-e2e-curation-'));
  explorer = await startExplorer({ writeAccess: { token: TOKEN, source: 'environment' }, queryTimeoutMs: 60_000 });
  // Loading the corpus on a busy machine can take minutes.
}, 900_000);

afterEach(async () => {
  await closeOpenPages(explorer);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await explorer?.close();
});

describe('web/curation', { timeout: 600_000 }, () => {
  let links: Link[];

  it('should take the token from the URL into sessionStorage and reject a link: gone from lineage, graph and re-ingest', async () => {
    links = await extractedLinks();
    expect(links.length).toBe(4);
    const link = links[0]!;
    const page = await openLineage(link.from);
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate(() => sessionStorage.getItem('methodgraph.token'))).toBe(TOKEN);
    await poll(() => edgeVisible(page, link.id)).toBe(true);

    await openLinkDetails(page, link.toName);
    await page
      .getByRole('region', { name: 'Curate this link' })
      .getByLabel('Note (optional)')
      .fill('The paper compares with it; it does not build on it.');
    await page.getByRole('button', { name: 'Reject' }).click();
    await poll(() => edgeVisible(page, link.id)).toBe(false);

    // "Show rejected" draws it (struck through) between the drawn nodes and is kept in the URL.
    await page.getByRole('checkbox', { name: 'Show rejected' }).check();
    await poll(() => edgeVisible(page, link.id)).toBe(true);
    await poll(() => page.url()).toContain('rejected=show');

    // The whole graph (overview) has no trace of it either.
    const graph = await openExplorer(explorer, `?node=${encodeURIComponent(link.from)}`);
    await poll(() => graph.page.evaluate((n) => window.__methodgraph!.hasNode(n), link.from)).toBe(true);
    expect(await edgeVisible(graph.page, link.id)).toBe(false);

    // A re-ingest brings the extracted link back into the database; the curation hides it again.
    await ingest(explorer.db, {});
    const again = await openLineage(link.from);
    // The lineage is drawn (its root at least: the rejected link may have been the root's only one).
    await poll(() => again.evaluate((n) => window.__methodgraph!.hasNode(n), link.from)).toBe(true);
    expect(await edgeVisible(again, link.id)).toBe(false);
  });

  it('should change the kind of a link and show it as curated with its history', async () => {
    const link = links[1]!;
    const kind = link.kind === 'variant' ? 'adapts' : 'variant';
    const page = await openLineage(link.from);
    await poll(() => edgeVisible(page, link.id)).toBe(true);
    await openLinkDetails(page, link.toName);
    await page.getByLabel('New kind').selectOption(kind);
    await page.getByRole('button', { name: 'Change kind' }).click();
    const details = page.getByRole('article', { name: 'Details of BUILDS_ON link' });
    await poll(() => details.locator('.edge-kind').textContent()).toBe(kind);
    await poll(() => details.getByRole('region', { name: 'Curation history' }).textContent()).toMatch(
      new RegExp(`changed the kind to ${kind}`),
    );
    await poll(() => details.textContent()).toMatch(new RegExp(`extracted as ${link.kind}`));
  });

  it('should retarget a link to a node picked by search', async () => {
    const link = links[2]!;
    const [target] = await rows<{ id: string; name: string }>(
      'MATCH (m:Architecture) WHERE NOT m.id IN [$from, $to] AND NOT (:Entity {id: $from})-[:BUILDS_ON]->(m) AND size(m.name) > 4 RETURN m.id AS id, m.name AS name ORDER BY m.name LIMIT 1',
      { from: link.from, to: link.to },
    );
    const page = await openLineage(link.from);
    await poll(() => edgeVisible(page, link.id)).toBe(true);
    await openLinkDetails(page, link.toName);
    await page.getByRole('combobox', { name: 'Retarget to' }).fill(target!.name);
    await page.getByRole('listbox', { name: 'Suggestions for Retarget to' }).getByRole('option').first().waitFor();
    await page
      .getByRole('listbox', { name: 'Suggestions for Retarget to' })
      .getByRole('option', { name: new RegExp(target!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') })
      .first()
      .click();
    await page.getByRole('button', { name: 'Retarget' }).click();
    const moved = `BUILDS_ON:${link.from}->${target!.id}@curation`;
    await poll(() => edgeVisible(page, moved)).toBe(true);
    expect(await edgeVisible(page, link.id)).toBe(false);
  });

  it('should add a BUILDS_ON link with a note that appears in the lineage as its evidence', async () => {
    const [pair] = await rows<{ from: string; to: string; toName: string }>(
      `MATCH (a:Architecture), (b:Method) WHERE NOT (a)-[:BUILDS_ON]-(b) AND size(b.name) > 4 AND COUNT { (a)-[:BUILDS_ON]-() } > 0
       RETURN a.id AS from, b.id AS to, b.name AS toName ORDER BY a.id, b.name LIMIT 1`,
    );
    const note = 'Section 4 trains it with this method (added by a reader).';
    const page = await openLineage(pair!.from);
    await page.getByRole('button', { name: 'Add BUILDS_ON' }).click();
    const form = page.getByRole('form', { name: /Add a BUILDS_ON link from/ });
    await form.getByRole('combobox', { name: 'Builds on' }).fill(pair!.toName);
    await form
      .getByRole('option', { name: new RegExp(pair!.toName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') })
      .first()
      .click();
    await form.getByLabel('Kind of the new link').selectOption('component');
    await form.getByLabel('Note (the evidence)').fill(note);
    await form.getByRole('button', { name: 'Add link' }).click();
    const added = `BUILDS_ON:${pair!.from}->${pair!.to}@curation`;
    await poll(() => edgeVisible(page, added)).toBe(true);
    // The new link is selected: its details show the note as its evidence.
    const details = page.getByRole('article', { name: 'Details of BUILDS_ON link' });
    await poll(() => details.locator('blockquote.evidence').textContent()).toContain(note);
    await poll(() => details.getByRole('region', { name: 'Curation history' }).textContent()).toMatch(/added it \(component\)/);
  });

  it('should give the same curated state after export → a fresh database with the default corpus → import', async () => {
    const file = join(dir, 'curations.json');
    const before = await listCurations(explorer.db);
    await writeCurationFile(file, before);
    const lineageOf = async (id: string) =>
      (await explorer.app.inject({ method: 'GET', url: `/api/lineage/${encodeURIComponent(id)}?depth=1` })).json().graph.edges as {
        id: string;
        properties: Record<string, unknown>;
      }[];
    const snapshot = async () => {
      const out: string[] = [];
      for (const l of links)
        for (const e of await lineageOf(l.from)) out.push(`${e.id} ${String(e.properties.kind)} ${String(e.properties.curation ?? '-')}`);
      return out.sort();
    };
    const curated = await snapshot();

    await loadDefaultCorpus(explorer.db);
    expect(await snapshot()).not.toEqual(curated);
    const page = await openLineage(links[0]!.from);
    await poll(() => edgeVisible(page, links[0]!.id)).toBe(true);

    await importCurations(explorer.db, (await readCurationFile(file)).curations);
    expect(await snapshot()).toEqual(curated);
    expect(await listCurations(explorer.db)).toEqual(before);
    const reloaded = await openLineage(links[0]!.from);
    await poll(() => reloaded.evaluate((n) => window.__methodgraph!.hasNode(n), links[0]!.from)).toBe(true);
    expect(await edgeVisible(reloaded, links[0]!.id)).toBe(false);
  });
});
