// Incremental ingest against a real Neo4j: links between papers of different runs in either order
// of arrival (names, record references, Papers-with-Code introducing papers), the common Entity
// label, ingest runs listed and undone, and file names (not paths) in what is stored.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { listRuns, undoRun } from '../../ingest/load/index.js';
import { ingest } from '../../ingest/run.js';
import { loadDefaultCorpus } from '../helpers/corpus.js';
import { emptyDatabase, freshTestDatabase } from '../helpers/db.js';
import { scalar, snapshot } from './helpers.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const f = (name: string) => join(fixtures, 'incremental', name);
const A = f('a.json');
const B = f('b.json');

let db: Database;
beforeAll(async () => {
  db = await freshTestDatabase();
});
afterAll(async () => db?.close());
beforeEach(async () => emptyDatabase(db));

async function rows(query: string): Promise<Record<string, unknown>[]> {
  const session = db.session('READ');
  try {
    return (await session.run(query)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/**
 * The graph, every property but the bookkeeping ones: entity nodes (papers, concepts and all) and
 * their relationships, topics included: document frequencies are those of the papers the graph
 * holds, so Concepts, MENTIONS weights and SIMILAR_TO scores do not depend on the runs either.
 */
async function lineageGraph(): Promise<unknown> {
  const strip = '{.*, runs: null, runKeys: null}';
  const nodes = await rows(`MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, n ${strip} AS p ORDER BY id`);
  const rels = await rows(`MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS id, type(r) AS type, r ${strip} AS p ORDER BY id`);
  const sortKeys = (o: unknown): unknown =>
    Array.isArray(o)
      ? o.map(sortKeys)
      : o && typeof o === 'object' && !('low' in o)
        ? Object.fromEntries(
            Object.keys(o)
              .sort()
              .map((k) => [k, sortKeys((o as Record<string, unknown>)[k])]),
          )
        : o && typeof o === 'object'
          ? String(o)
          : o;
  return sortKeys({ nodes, rels });
}

/** Several ingests per test (the default corpus among them) on a shared machine. */
const SLOW = { timeout: 600_000 };

const BUILDS_ON_BARNET =
  "MATCH (:Architecture {name: 'BazFormer'})-[b:BUILDS_ON]->(:Architecture {name: 'BarNet'}) RETURN b {.extractor, .confidence, .evidence, .paperId}";

describe('ingest/run (incremental)', () => {
  describe('#ingest', () => {
    it('should give the same graph, topics included, for A then B, B then A, and A+B in one run', SLOW, async () => {
      await ingest(db, { files: [A, B] });
      const together = await lineageGraph();
      // The topics span both files: the two papers are found similar (whichever file came first).
      expect(await scalar(db, 'MATCH (a:Paper)-[s:SIMILAR_TO]->(b:Paper) RETURN count(s)')).toBe(1);
      expect(await scalar(db, BUILDS_ON_BARNET)).toEqual({
        extractor: 'cross-paper/clause-verb',
        confidence: 0.78,
        evidence: 'BazFormer builds on BarNet and adds a learned router between its banded blocks.',
        paperId: 'paper:bazformer-sparse-routing-for-banded-sequence-models',
      });

      await emptyDatabase(db);
      await ingest(db, { files: [A] });
      const second = await ingest(db, { files: [B] });
      expect(second.references).toEqual({ stored: 1, links: 3 });
      expect(await lineageGraph()).toEqual(together);

      await emptyDatabase(db);
      const first = await ingest(db, { files: [B] });
      expect(first.references).toEqual({ stored: 1, links: 0 });
      expect(await scalar(db, 'MATCH (r:PendingRef) RETURN r {.from, .targetKey, .source, .extractor}')).toEqual({
        from: 'paper:bazformer-sparse-routing-for-banded-sequence-models',
        targetKey: 'barnet',
        source: 'architecture:bazformer',
        extractor: 'cross-paper/clause-verb',
      });
      await ingest(db, { files: [A] });
      expect(await lineageGraph()).toEqual(together);
      expect(
        await scalar(
          db,
          "MATCH (:Paper {arxivId: '2602.00002'})-[c:CITES {inferred: true}]->(:Paper {arxivId: '2601.00001'}) RETURN count(c)",
        ),
      ).toBe(1);
    });

    it('should link S2Net to SeqBoat against the default corpus, in either order', SLOW, async () => {
      await loadDefaultCorpus(db);
      await ingest(db, { files: [f('s2net.json')] });
      const query =
        "MATCH (:Architecture {name: 'S2Net'})-[b:BUILDS_ON]->(:Architecture {name: 'SeqBoat'}) RETURN b {.extractor, .evidence}";
      const expected = {
        extractor: 'cross-paper/clause-verb',
        evidence: 'S2Net builds on SeqBoat and replaces its chunked attention with a causal state update.',
      };
      expect(await scalar(db, query)).toEqual(expected);
      // Topics over the corpus and the new paper together (compared in the other order below).
      expect(await scalar(db, 'MATCH (c:Concept)<-[:MENTIONS]-(:Paper) RETURN count(DISTINCT c) > 30')).toBe(true);
      expect(await scalar(db, "MATCH (:Paper {arxivId: '2603.00003'})-[s:SIMILAR_TO]-(:Paper) RETURN count(s) > 0")).toBe(true);
      const corpusFirst = await lineageGraph();

      await emptyDatabase(db);
      await ingest(db, { files: [f('s2net.json')] });
      await ingest(db, {});
      expect(await scalar(db, query)).toEqual(expected);
      expect(await lineageGraph()).toEqual(corpusFirst);
    });

    it('should turn Semantic Scholar references to papers already stored (or arriving later) into CITES', SLOW, async () => {
      const cites = "MATCH (:Paper {arxivId: '2604.00004'})-[c:CITES]->(p:Paper) RETURN collect(p.arxivId + ' ' + c.evidence)";
      const expected = ['2601.00001 reference list of the source record (matched by arXiv 2601.00001)'];
      await ingest(db, { files: [A] });
      await ingest(db, { files: [f('cites-barnet.s2.json')] });
      expect(await scalar(db, cites)).toEqual(expected);
      // The reference to a paper nobody ingested waits.
      expect(await scalar(db, "MATCH (r:PendingRef {kind: 'paper'}) RETURN collect(r.doi)")).toContain('10.5555/nobody');

      await emptyDatabase(db);
      await ingest(db, { files: [f('cites-barnet.s2.json')] });
      expect(await scalar(db, cites)).toEqual([]);
      await ingest(db, { files: [A] });
      expect(await scalar(db, cites)).toEqual(expected);
    });

    it('should give every entity the Entity label and a name key', SLOW, async () => {
      await ingest(db, { files: [A, B] });
      expect(
        await scalar(db, 'MATCH (n) WHERE NOT n:Entity AND NOT n:IngestRun AND NOT n:PendingRef AND NOT n:GraphSummary RETURN count(n)'),
      ).toBe(0);
      expect(await scalar(db, 'MATCH (n:Entity) WHERE n.nameKey IS NULL RETURN count(n)')).toBe(0);
      expect(await scalar(db, "MATCH (n:Entity {nameKey: 'barnet'}) RETURN n.id")).toBe('architecture:barnet');
    });

    it('should store file names, not paths, in paper sources and run records', SLOW, async () => {
      const summary = await ingest(db, { files: [A] });
      expect(await scalar(db, 'MATCH (p:Paper) RETURN p.sources')).toEqual(['a.json:record 1']);
      expect((await listRuns(db)).map((r) => [r.id, r.files, r.status])).toEqual([[summary.run, ['a.json'], 'finished']]);
    });
  });

  describe('#undoRun', () => {
    it('should undo the second of two overlapping runs and leave exactly the graph of the first', SLOW, async () => {
      const first = await ingest(db, { files: [A] });
      const before = await snapshot(db, { withRuns: true });
      // The second run shares BarNet, gives it a DOI, a URL and a second source, and adds BazFormer.
      const second = await ingest(db, { files: [A, f('a-doi.json'), B] });
      expect(await scalar(db, "MATCH (p:Paper {arxivId: '2601.00001'}) RETURN p.doi + ' ' + size(p.sources) + ' ' + size(p.runs)")).toBe(
        '10.5555/barnet.2026 2 2',
      );
      expect((await listRuns(db)).map((r) => r.id)).toEqual([first.run, second.run]);

      const undone = await undoRun(db, second.run!);
      expect(undone.nodesDeleted).toBeGreaterThan(0);
      expect(await snapshot(db, { withRuns: true })).toEqual(before);
      expect((await listRuns(db)).map((r) => r.id)).toEqual([first.run]);
      await expect(undoRun(db, second.run!)).rejects.toThrow(/no ingest run .*npm run ingest -- --runs/);
    });

    it('should bring back the pending reference when the run that completed it is undone', SLOW, async () => {
      await ingest(db, { files: [B] });
      const before = await snapshot(db, { withRuns: true });
      const second = await ingest(db, { files: [A] });
      expect(await scalar(db, BUILDS_ON_BARNET)).not.toBeNull();
      await undoRun(db, second.run!);
      expect(await snapshot(db, { withRuns: true })).toEqual(before);
    });
  });

  describe('#ingest (Papers-with-Code methods)', () => {
    const methods = join(fixtures, 'pwc', 'methods.json');
    const introduced =
      "MATCH (p:Paper)-[x:PROPOSES {extractor: 'pwc-methods'}]->(:Method {name: 'BandGate'}) RETURN p.arxivId + ' ' + x.evidence";
    const expected =
      '2601.00001 Papers with Code names "BarNet: Banded Residual Networks for Long Sequences" as the paper that introduced BandGate';

    it('should create the methods of methods.json on its own', SLOW, async () => {
      const summary = await ingest(db, { files: [methods] });
      // GAU joins the taxonomy's Gated Attention Unit; SortedNet is new.
      expect(summary.counts.nodes.Method.created).toBe(2);
      expect(
        await scalar(
          db,
          "MATCH (m:Method {name: 'SortedNet'}) RETURN m {.aliases, .description, introducedYear: toFloat(m.introducedYear), .collections, .areas}",
        ),
      ).toEqual({
        aliases: ['Sorted Network Training'],
        description: 'SortedNet trains many sub-networks of one model at once by sorting them by computation.',
        introducedYear: 2023,
        collections: ['Model Compression'],
        areas: ['General'],
      });
    });

    it('should link a method to the paper that introduced it, in either order', SLOW, async () => {
      await ingest(db, { files: [f('pwc-methods.json')] });
      expect(await scalar(db, introduced)).toBeUndefined();
      await ingest(db, { files: [A] });
      expect(await scalar(db, introduced)).toBe(expected);

      await emptyDatabase(db);
      await ingest(db, { files: [A] });
      await ingest(db, { files: [f('pwc-methods.json')] });
      expect(await scalar(db, introduced)).toBe(expected);
    });
  });
});
