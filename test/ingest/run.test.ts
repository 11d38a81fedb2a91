// ingest() end to end against a real Neo4j: the default corpus, every format's fixtures, idempotence,
// papers shared between sources, Papers-with-Code links and methods, bad input, --strict, dry runs.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { totals } from '../../ingest/load/index.js';
import { ingest } from '../../ingest/run.js';
import { Taxonomy } from '../../ingest/taxonomy/taxonomy.js';
import type { SourceIssue } from '../../ingest/types.js';
import { emptyDatabase, freshTestDatabase } from '../helpers/db.js';
import { loadDefaultCorpus } from '../helpers/corpus.js';
import { scalar, snapshot } from './helpers.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const f = (name: string) => join(fixtures, name);
const VALID = [
  'papers.json',
  'papers.jsonl',
  'arxiv.xml',
  'refs.bib',
  'semantic-scholar.json',
  'pwc/methods.json',
  'pwc/links-between-papers-and-code.json',
  'pwc/papers-with-abstracts.json',
].map(f);

let db: Database;
beforeAll(async () => {
  db = await freshTestDatabase();
});
afterAll(async () => db?.close());
beforeEach(async () => emptyDatabase(db));

describe('ingest/run', () => {
  // The default corpus takes tens of seconds to load on a shared machine, twice in some tests.
  describe('#ingest', { timeout: 300_000 }, () => {
    it('should load the default corpus, change no count when run twice, and keep its clear cases intact', async () => {
      const first = await ingest(db, {});
      expect(first.records).toBe(70);
      expect(first.rejected).toBe(0);
      expect(first.wrote).toBe(true);
      const before = await snapshot(db);
      expect(before.labels.Paper).toBe(70);
      expect(before.labels.Repository).toBe(11);
      // Every entity also has the common label Entity; pending references are bookkeeping, not counted.
      const entities = Object.entries(before.labels).filter(([label]) => label !== 'Entity' && label !== 'PendingRef');
      expect(before.labels.Entity).toBe(entities.reduce((sum, [, n]) => sum + n, 0));
      expect(totals(first.counts).nodes.created).toBe(before.labels.Entity);
      expect(totals(first.counts).relationships.created).toBe(Object.values(before.types).reduce((a, b) => a + b, 0));

      const second = await ingest(db, {});
      expect(totals(second.counts).nodes.created).toBe(0);
      expect(totals(second.counts).relationships.created).toBe(0);
      expect(await snapshot(db)).toEqual(before);

      // The clear cases of the default corpus, as stored (one load serves both checks: it takes tens of seconds).
      const m2mkd = (await scalar(
        db,
        `MATCH (p:Paper)-[pr:PROPOSES]->(m:Method {name: 'm2mKD'})-[b:BUILDS_ON]->(kd:Method {id: 'method:knowledge-distillation'})
         RETURN {paper: p.title, proposes: pr.evidence, buildsOn: b.evidence, paperId: b.paperId, p: p.id}`,
      )) as Record<string, string>;
      expect(m2mkd.paper).toBe('m2mKD: Module-to-Module Knowledge Distillation for Modular Transformers');
      expect(m2mkd.buildsOn).toMatch(/we propose a general module-to-module knowledge distillation \(m2mKD\) method/);
      expect(m2mkd.paperId).toBe(m2mkd.p);
      const seqboat = (await scalar(db, "MATCH (:Architecture {name: 'SeqBoat'})-[:BUILDS_ON]->(t) RETURN collect(t.id)")) as string[];
      expect(seqboat).toEqual(
        expect.arrayContaining(['method:sparse-modular-activation', 'method:gated-attention-unit', 'architecture:state-space-model']),
      );
      expect(
        await scalar(db, "MATCH (:Architecture {name: 'Sorted LLaMA'})-[:BUILDS_ON]->(:Method {name: 'SortedNet'}) RETURN count(*)"),
      ).toBe(1);
      expect(
        await scalar(
          db,
          "MATCH (a:Paper)-[c:CITES {inferred: true}]->(b:Paper) WHERE a.title STARTS WITH 'Sorted LLaMA' AND b.title STARTS WITH 'SortedNet' RETURN count(c)",
        ),
      ).toBe(1);
      const repos = (await scalar(db, 'MATCH (:Paper)-[:HAS_CODE]->(r:Repository) RETURN collect(DISTINCT r.url)')) as string[];
      expect(repos).toHaveLength(11);
      for (const url of repos) expect(url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
      expect(repos).toContain('https://github.com/kamanphoebe/m2mKD');
    });

    it('should load every format’s fixtures, twice without changes', async () => {
      const issues: SourceIssue[] = [];
      const summary = await ingest(db, { files: VALID, onIssue: (i) => issues.push(i) });
      expect(issues).toEqual([]);
      expect(summary.files.map((x) => x.format)).toEqual([
        'json',
        'jsonl',
        'arxiv-atom',
        'bibtex',
        'semantic-scholar',
        'pwc-methods',
        'pwc-links',
        'pwc-papers',
      ]);
      expect(summary.records).toBe(3 + 3 + 2 + 3 + 2 + 2);
      const titles = (await scalar(db, 'MATCH (p:Paper) RETURN collect(p.title)')) as string[];
      for (const t of [
        'Matryoshka Representation Learning',
        'Kolmogorov-Arnold Transformer',
        'Café Networks with Über-Attention',
        'Mega: Moving Average Equipped Gated Attention',
        'BossNAS: Exploring Hybrid CNN-transformers with Block-wisely Self-supervised Neural Architecture Search',
      ]) {
        expect(titles).toContain(t);
      }
      // SortedNet comes from arXiv and Papers with Code, SeqBoat from BibTeX and Semantic Scholar: one node each.
      expect(await scalar(db, 'MATCH (p:Paper {arxivId: "2309.00255"}) RETURN count(p)')).toBe(1);
      expect(await scalar(db, 'MATCH (p:Paper {arxivId: "2306.11197"}) RETURN size(p.sources)')).toBe(2);
      // Papers-with-Code links give code to the papers they name.
      expect(await scalar(db, 'MATCH (:Paper {arxivId: "2103.12424"})-[:HAS_CODE]->(r:Repository) RETURN r.id')).toBe(
        'repo:github.com/changlin31/bossnas',
      );
      expect(await scalar(db, 'MATCH (:Paper {arxivId: "2306.11197"})-[:HAS_CODE]->(r:Repository) RETURN r.id')).toBe(
        'repo:github.com/renll/seqboat',
      );
      expect(summary.codeLinks).toEqual({ read: 3, attached: 3, unmatched: 0 });
      // methods.json extended the taxonomy (SortedNet is known before any paper is read).
      expect(summary.taxonomy?.added).toBeGreaterThan(0);
      const before = await snapshot(db);
      const again = await ingest(db, { files: VALID });
      expect(totals(again.counts).nodes.created).toBe(0);
      expect(totals(again.counts).relationships.created).toBe(0);
      expect(await snapshot(db)).toEqual(before);
    });

    it('should turn Semantic Scholar references into CITES between papers present', async () => {
      await ingest(db, { files: [f('semantic-scholar.json')] });
      expect(await scalar(db, 'MATCH (:Paper {arxivId: "2306.11197"})-[c:CITES]->(:Paper {arxivId: "2209.10655"}) RETURN count(c)')).toBe(
        1,
      );
      expect(await scalar(db, 'MATCH ()-[c:CITES]->() RETURN count(c)')).toBe(1);
    });

    it('should merge a second source that shares papers into the same Paper nodes', async () => {
      await loadDefaultCorpus(db);
      const papers = await scalar(db, 'MATCH (p:Paper) RETURN count(p)');
      const summary = await ingest(db, { files: [f('arxiv.xml'), f('refs.bib')] });
      expect(summary.rejected).toBe(0);
      // SortedNet, Sorted LLaMA, SeqBoat and m2mKD are in the corpus; only the Café paper is new.
      expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe((papers as number) + 1);
      expect(summary.counts.nodes.Paper).toEqual({ created: 1, present: 4, skipped: 0 });
      const sortedNet = (await scalar(db, 'MATCH (p:Paper {arxivId: "2309.00255"}) RETURN p {.sources, .doi, .title}')) as {
        sources: string[];
        doi: string;
        title: string;
      };
      expect(sortedNet.sources).toHaveLength(2);
      expect(sortedNet.sources.some((s) => s.includes('papers-listing.txt'))).toBe(true);
      expect(sortedNet.sources.some((s) => s.includes('arxiv.xml'))).toBe(true);
      expect(sortedNet.doi).toBe('10.1000/sortednet.2023');
      expect(await scalar(db, 'MATCH (p:Paper {arxivId: "2402.16918"}) RETURN p.title')).toBe(
        'm2mKD: Module-to-Module Knowledge Distillation for Modular Transformers',
      );
    });

    it('should attach Papers-with-Code links to papers already stored', async () => {
      await loadDefaultCorpus(db);
      const summary = await ingest(db, { files: [f('pwc/links-between-papers-and-code.json')] });
      expect(summary.records).toBe(0);
      // The default corpus carries its papers' arXiv ids (data/papers-listing.meta.jsonl), so all three links match.
      expect(summary.codeLinks).toEqual({ read: 3, attached: 3, unmatched: 0 });
      expect(
        await scalar(
          db,
          'MATCH (:Paper {title: "Sparse Modular Activation for Efficient Sequence Modeling"})-[:HAS_CODE]->(r:Repository) RETURN collect(r.id)',
        ),
      ).toContain('repo:github.com/renll/seqboat');
      expect(await scalar(db, 'MATCH (:Paper {arxivId: "2103.12424"})-[:HAS_CODE]->(r:Repository) RETURN collect(r.id)')).toContain(
        'repo:github.com/changlin31/bossnas',
      );
    });

    it('should report rejected records and leave what is stored unchanged', async () => {
      await ingest(db, { files: [f('arxiv.xml')] });
      const before = await snapshot(db);
      const issues: SourceIssue[] = [];
      const summary = await ingest(db, { files: [f('broken/rejected-only.json')], onIssue: (i) => issues.push(i) });
      expect(summary.records).toBe(0);
      expect(summary.rejected).toBe(4);
      expect(issues.map((i) => i.position)).toEqual(['record 1', 'record 2', 'record 3', 'record 4']);
      expect(await snapshot(db)).toEqual(before);
    });

    it('should load the valid records of a file with bad ones and report the bad ones', async () => {
      const summary = await ingest(db, {
        files: [
          f('broken/bad-records.json'),
          f('broken/truncated.json'),
          f('broken/lines.jsonl'),
          f('broken/binary.json'),
          f('broken/empty.json'),
        ],
      });
      expect(summary.records).toBe(2 + 1 + 2);
      expect(summary.rejected).toBe(3 + 1 + 2 + 1 + 1);
      expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe(5);
    });

    it('should write nothing with strict when any record is bad, and everything when all are good', async () => {
      await ingest(db, { files: [f('papers.json')] });
      const before = await snapshot(db);
      const refused = await ingest(db, { files: [f('papers.jsonl'), f('broken/bad-records.json')], strict: true });
      expect(refused.wrote).toBe(false);
      expect(refused.refused).toMatch(/^--strict: 3 problem\(s\) found; nothing was written/);
      expect(refused.rejected).toBe(3);
      expect(await snapshot(db)).toEqual(before);
      const ok = await ingest(db, { files: [f('papers.jsonl')], strict: true });
      expect(ok.wrote).toBe(true);
      expect(ok.records).toBe(3);
      expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe(6);
    });

    it('should not touch the database on a dry run and return the graph', async () => {
      const summary = await ingest(db, { dryRun: true });
      expect(summary.wrote).toBe(false);
      expect(await scalar(db, 'MATCH (n) WHERE NOT n:GraphSummary RETURN count(n)')).toBe(0);
      expect(summary.graph?.nodes.filter((n) => n.label === 'Paper')).toHaveLength(70);
      const noDb = await ingest(undefined, { files: [f('papers.json')] });
      expect(noDb.graph?.nodes.length).toBeGreaterThan(0);
    });

    it('should reset the graph before loading when asked', async () => {
      await ingest(db, { files: [f('papers.json')] });
      await ingest(db, { files: [f('papers.jsonl')], reset: true });
      expect(await scalar(db, 'MATCH (p:Paper) RETURN collect(p.title)')).not.toContain('Matryoshka Representation Learning');
      expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe(3);
    });

    it('should give the same graph with a tiny batch size', async () => {
      const whole = await ingest(db, { batchSize: 5000 });
      const big = await snapshot(db);
      await emptyDatabase(db);
      const summary = await ingest(db, { batchSize: 150 });
      // More batches than with one large size (topics are written by their own step, not in these batches).
      expect(summary.counts.batches).toBeGreaterThan(whole.counts.batches);
      expect(await snapshot(db)).toEqual(big);
    });

    it('should extend only its own taxonomy with methods.json', async () => {
      const taxonomy = Taxonomy.load();
      const size = taxonomy.size;
      await ingest(db, { files: [f('pwc/methods.json')], taxonomy, dryRun: true });
      expect(taxonomy.size).toBeGreaterThan(size);
      expect(taxonomy.resolve('Sorted Network Training')?.name).toBe('SortedNet');
      expect(Taxonomy.load().resolve('Sorted Network Training')).toBeUndefined();
    });
  });
});
