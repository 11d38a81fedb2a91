// Parallel extraction: papers prepared in worker_threads give the same graph, byte for byte after
// sorting, as extraction in one thread — on the default corpus and on a synthetic one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../ingest/run.js';
import { generateCorpus } from '../../../bench/synthetic/generate.js';
import { loadVocabulary } from '../../../bench/synthetic/vocabulary.js';
import type { WireGraph } from '../../../src/shared/graph.js';

const dir = mkdtempSync(join(tmpdir(), 'methodgraph-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The --json export as text, nodes and edges sorted by id. */
function sortedJson(graph: WireGraph | undefined): string {
  if (!graph) throw new Error('test: the dry run kept no graph');
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return JSON.stringify({ nodes: [...graph.nodes].sort(byId), edges: [...graph.edges].sort(byId) });
}

async function exported(files: string[] | undefined, workers: number): Promise<string> {
  const summary = await ingest(undefined, { files, dryRun: true, workers });
  expect(summary.rejected).toBe(0);
  return sortedJson(summary.graph);
}

const SLOW = { timeout: 600_000 };

describe('ingest/extract/workers', () => {
  describe('#ExtractionPipeline (through ingest)', () => {
    it('should export the default corpus byte for byte as one thread does, with 2 workers', SLOW, async () => {
      const one = await exported(undefined, 1);
      expect(one).toContain('"type":"SIMILAR_TO"');
      expect(await exported(undefined, 2)).toBe(one);
    });

    it('should export a synthetic corpus byte for byte as one thread does, with 2 and 3 workers', SLOW, async () => {
      const path = join(dir, 'synthetic.jsonl');
      const vocabulary = loadVocabulary({ useTaxonomy: true });
      const lines = [...generateCorpus({ papers: 150, seed: 7, vocabulary })].map((g) => JSON.stringify(g.paper));
      writeFileSync(path, `${lines.join('\n')}\n`);
      const one = await exported([path], 1);
      expect(one).toContain('"type":"BUILDS_ON"');
      expect(await exported([path], 2)).toBe(one);
      expect(await exported([path], 3)).toBe(one);
    });
  });
});
