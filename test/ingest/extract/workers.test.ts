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
import type { PreparedPaper as Prepared } from '../../../ingest/extract/prepare.js';
import { CHUNK, ExtractionPipeline, type PreparePool as Pool } from '../../../ingest/extract/workers/pool.js';

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
/** Four chunks of CHUNK papers: more chunks than the three workers, so the pool hands a worker a second one. */
const SYNTHETIC_PAPERS = 4 * CHUNK;

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
      const lines = [...generateCorpus({ papers: SYNTHETIC_PAPERS, seed: 7, vocabulary })].map((g) => JSON.stringify(g.paper));
      writeFileSync(path, `${lines.join('\n')}\n`);
      const one = await exported([path], 1);
      expect(one).toContain('"type":"BUILDS_ON"');
      expect(await exported([path], 2)).toBe(one);
      expect(await exported([path], 3)).toBe(one);
    });
  });
});

describe('ingest/extract/workers/pool', () => {
  describe('#ExtractionPipeline', () => {
    it('should prepare the first poolAfter papers in this thread, start the pool only then, and keep reading order', async () => {
      const where: string[] = [];
      let started = 0;
      // A pool that prepares in this thread too, marking what it prepared: what matters here is who prepares what, and when.
      const pool = {
        size: 2,
        prepare: async (records: { title: string }[]) => records.map((r) => ({ title: `pool:${r.title}` }) as unknown as Prepared),
        close: async () => undefined,
      } as unknown as Pool;
      const pipeline = new ExtractionPipeline<string>(
        () => {
          started = where.length;
          return pool;
        },
        (r) => ({ title: `here:${r.title}` }) as unknown as Prepared,
        (p) => (p as unknown as { title: string }).title,
        5,
      );
      const out: string[] = [];
      const total = 5 + 2 * CHUNK + 3;
      for (let i = 0; i < total; i++) {
        const done = await pipeline.push({ title: String(i), abstract: '' } as never);
        out.push(...done);
        where.push(...done);
      }
      out.push(...(await pipeline.drain()));
      await pipeline.close();
      expect(out.map((t) => Number(t.split(':')[1]))).toEqual([...Array(total).keys()]);
      expect(out.slice(0, 5).every((t) => t.startsWith('here:'))).toBe(true);
      expect(out.slice(5, 5 + 2 * CHUNK).every((t) => t.startsWith('pool:'))).toBe(true);
      expect(started).toBe(5);
    });

    it('should prepare chunks in this thread while the pool has two per worker queued, and keep reading order', async () => {
      // A pool of one worker that answers only when released: while it is busy, this thread prepares.
      const held: (() => void)[] = [];
      const pool = {
        size: 1,
        prepare: (records: { title: string }[]) =>
          new Promise<Prepared[]>((resolve) =>
            held.push(() => resolve(records.map((r) => ({ title: `pool:${r.title}` }) as unknown as Prepared))),
          ),
        close: async () => undefined,
      } as unknown as Pool;
      const pipeline = new ExtractionPipeline<string>(
        () => pool,
        (r) => ({ title: `here:${r.title}` }) as unknown as Prepared,
        (p) => (p as unknown as { title: string }).title,
      );
      const out: string[] = [];
      const total = 5 * CHUNK + 7;
      for (let i = 0; i < total; i++) {
        out.push(...(await pipeline.push({ title: String(i), abstract: '' } as never)));
        // The worker finishes its first chunk only once this thread has prepared one of its own.
        if (i === 4 * CHUNK - 1) for (const release of held.splice(0, 1)) release();
      }
      const drained = pipeline.drain();
      for (const release of held.splice(0)) release();
      // Chunks sent after the last release answer too.
      const timer = setInterval(() => held.splice(0).forEach((release) => release()), 1);
      out.push(...(await drained));
      clearInterval(timer);
      await pipeline.close();
      expect(out.map((t) => Number(t.split(':')[1]))).toEqual([...Array(total).keys()]);
      const chunkOf = (n: number) => out.slice(n * CHUNK, (n + 1) * CHUNK);
      // Two chunks queued in the pool, then this thread prepares the third and fourth itself.
      expect(chunkOf(0).every((t) => t.startsWith('pool:'))).toBe(true);
      expect(chunkOf(1).every((t) => t.startsWith('pool:'))).toBe(true);
      expect(chunkOf(2).every((t) => t.startsWith('here:'))).toBe(true);
      expect(chunkOf(3).every((t) => t.startsWith('here:'))).toBe(true);
      // The released first chunk made room: the fifth went to the pool again.
      expect(chunkOf(4).every((t) => t.startsWith('pool:'))).toBe(true);
    });
  });
});
