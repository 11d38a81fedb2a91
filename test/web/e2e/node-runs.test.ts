// End-to-end: the details panel shows which ingest runs and files a node came from — a paper two
// files bring in two runs lists both runs, with each run's file name and extractor version.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../ingest/run.js';
import { emptyDatabase } from '../../helpers/db.js';
import { closeOpenPages, openExplorer, startExplorer, type Explorer } from './harness.js';
import { poll } from './helpers.js';

const incremental = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest', 'incremental');
let explorer: Explorer;

beforeAll(async () => {
  explorer = await startExplorer({ load: false });
  await emptyDatabase(explorer.db);
});

afterEach(async () => {
  await closeOpenPages(explorer);
});

afterAll(async () => {
  await explorer?.close();
});

describe('web/explorer', () => {
  describe('#details (ingest runs)', () => {
    it('should list both runs and both file names for a paper two files bring', { timeout: 900_000 }, async () => {
      const first = await ingest(explorer.db, { files: [join(incremental, 'a.json')] });
      const second = await ingest(explorer.db, { files: [join(incremental, 'a-doi.json')] });
      const paper = 'paper:barnet-banded-residual-networks-for-long-sequences';
      // The panel is all this test needs: it does not wait for the first layout to settle.
      const { page, context, errors } = await openExplorer(explorer, `?node=${encodeURIComponent(paper)}`, { waitReady: false });
      const runs = page.getByRole('region', { name: 'Ingest runs' });
      await poll(() => runs.getByRole('listitem').count(), 120_000).toBe(2);
      expect(errors).toEqual([]);
      const items = await runs.getByRole('listitem').allTextContents();
      expect(items[0]).toContain(first.run!);
      expect(items[0]).toContain('a.json');
      expect(items[1]).toContain(second.run!);
      expect(items[1]).toContain('a-doi.json');
      expect(items.every((t) => /extractor \d+\.\d+\.\d+\+[0-9a-f]{10}/.test(t))).toBe(true);
      await context.close();
    });
  });
});
