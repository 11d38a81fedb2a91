// End-to-end: search on a database larger than the default corpus (the default corpus plus a
// synthetic one, whose papers carry many titles starting like the names people type): "transf"
// suggests the Transformer architecture first, and the list closes once a suggestion is picked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../ingest/run.js';
import { writeCorpus } from '../../../bench/synthetic/cli.js';
import { closeOpenPages, openExplorer, startExplorer, type Explorer } from './harness.js';
import { api, handle, nextFrames, poll } from './helpers.js';

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
