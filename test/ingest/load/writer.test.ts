// The batched MERGE writer against a real Neo4j: counts, idempotence, alias and source unions,
// paper resolution across sources, skipped edges, and the in-memory store used by dry runs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/neo4j/driver.js';
import type { WireEdge, WireGraph, WireNode } from '../../../src/shared/graph.js';
import { GraphWriter, MemoryStore, Neo4jStore, prepareDatabase, totals } from '../../../ingest/load/index.js';
import { emptyDatabase, freshTestDatabase } from '../../helpers/db.js';

let db: Database;
beforeAll(async () => {
  db = await freshTestDatabase();
  await prepareDatabase(db);
});
afterAll(async () => db?.close());
beforeEach(async () => emptyDatabase(db));

function paper(key: string, title: string, extra: Record<string, unknown> = {}): WireNode {
  return {
    id: `paper:${key}`,
    label: 'Paper',
    name: title,
    properties: { title, abstract: `About ${title}.`, sources: ['test'], ...extra } as never,
  };
}
function method(slug: string, name: string, aliases: string[] = []): WireNode {
  return { id: `method:${slug}`, label: 'Method', name, properties: { name, aliases } };
}
function edge(type: WireEdge['type'], source: string, target: string, extra: Record<string, unknown> = {}): WireEdge {
  return {
    id: `${type}:${source}->${target}`,
    type,
    source,
    target,
    properties: { evidence: 'A sentence.', paperId: source, confidence: 0.9, extractor: 'test', ...extra } as never,
  };
}

function sample(): WireGraph {
  return {
    nodes: [
      paper('m2mkd', 'm2mKD: Module-to-Module Knowledge Distillation', { arxivId: '2402.16918', year: 2024 }),
      method('m2mkd', 'm2mKD', ['module-to-module knowledge distillation']),
      method('knowledge-distillation', 'knowledge distillation', ['KD']),
      {
        id: 'repo:github.com/kamanphoebe/m2mkd',
        label: 'Repository',
        name: 'https://github.com/kamanphoebe/m2mKD',
        properties: { url: 'https://github.com/kamanphoebe/m2mKD', host: 'github.com', owner: 'kamanphoebe', name: 'm2mKD' },
      },
    ],
    edges: [
      edge('PROPOSES', 'paper:m2mkd', 'method:m2mkd'),
      {
        ...edge('BUILDS_ON', 'method:m2mkd', 'method:knowledge-distillation', { paperId: 'paper:m2mkd' }),
        id: 'BUILDS_ON:method:m2mkd->method:knowledge-distillation@paper:m2mkd',
      },
      edge('HAS_CODE', 'paper:m2mkd', 'repo:github.com/kamanphoebe/m2mkd'),
    ],
  };
}

async function count(query: string, params: Record<string, unknown> = {}): Promise<number> {
  const session = db.session('READ');
  try {
    const result = await session.run(query, params);
    return Number(result.records[0]?.get(0));
  } finally {
    await session.close();
  }
}

async function load(graphs: WireGraph[], batchSize = 5000) {
  const writer = new GraphWriter([new Neo4jStore(db)], db, { batchSize });
  for (const g of graphs) await writer.add(g);
  return writer.close();
}

describe('ingest/load/writer', () => {
  describe('#GraphWriter', () => {
    it('should write nodes and relationships and count them as new', async () => {
      const counts = await load([sample()]);
      expect(counts.nodes.Paper).toEqual({ created: 1, present: 0, skipped: 0 });
      expect(counts.nodes.Method).toEqual({ created: 2, present: 0, skipped: 0 });
      expect(counts.relationships.BUILDS_ON).toEqual({ created: 1, present: 0, skipped: 0 });
      expect(await count('MATCH (n) WHERE NOT n:GraphSummary RETURN count(n)')).toBe(4);
      expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(3);
      const session = db.session('READ');
      try {
        const r = await session.run('MATCH (p:Paper {id: "paper:m2mkd"}) RETURN p');
        const p = r.records[0]!.get('p').properties;
        expect(p.name).toBe('m2mKD: Module-to-Module Knowledge Distillation');
        expect(p.year.toNumber()).toBe(2024);
        expect(p.titleKey).toBe('m2mkd module to module knowledge distillation');
        expect(p.sources).toEqual(['test']);
      } finally {
        await session.close();
      }
    });

    it('should change no count when the same graph is written twice', async () => {
      await load([sample()]);
      const second = await load([sample()]);
      expect(totals(second).nodes).toEqual({ created: 0, present: 4, skipped: 0 });
      expect(totals(second).relationships).toEqual({ created: 0, present: 3, skipped: 0 });
      expect(await count('MATCH (n) WHERE NOT n:GraphSummary RETURN count(n)')).toBe(4);
      expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(3);
    });

    it('should union aliases and sources and keep the first non-empty value', async () => {
      await load([sample()]);
      await load([
        {
          nodes: [
            method('knowledge-distillation', 'Knowledge Distillation (renamed)', ['KD', 'distillation']),
            paper('m2mkd', 'm2mKD: Module-to-Module Knowledge Distillation', { sources: ['other'], doi: '10.1/x', abstract: '' }),
          ],
          edges: [],
        },
      ]);
      const session = db.session('READ');
      try {
        const m = (await session.run('MATCH (m:Method {id: "method:knowledge-distillation"}) RETURN m')).records[0]!.get('m').properties;
        expect(m.name).toBe('knowledge distillation');
        expect(m.aliases).toEqual(['KD', 'distillation']);
        const p = (await session.run('MATCH (p:Paper) RETURN p')).records[0]!.get('p').properties;
        expect(p.sources).toEqual(['test', 'other']);
        expect(p.doi).toBe('10.1/x');
        expect(p.abstract).toBe('About m2mKD: Module-to-Module Knowledge Distillation.');
      } finally {
        await session.close();
      }
    });

    it('should merge a paper from a second source into the stored one by arXiv id, DOI or title and move its edges', async () => {
      await load([sample()]);
      const counts = await load([
        {
          nodes: [
            paper('2402-16918', 'm2mKD (arXiv version)', { arxivId: '2402.16918', sources: ['arxiv'] }),
            method('knowledge-distillation', 'knowledge distillation'),
            paper('other', 'M2MKD: module-to-module knowledge distillation!', { sources: ['bibtex'] }),
          ],
          edges: [
            edge('USES', 'paper:2402-16918', 'method:knowledge-distillation'),
            edge('USES', 'paper:other', 'method:knowledge-distillation'),
            edge('SIMILAR_TO', 'paper:other', 'paper:2402-16918', { score: 0.9 }),
          ],
        },
      ]);
      expect(counts.nodes.Paper).toEqual({ created: 0, present: 1, skipped: 0 });
      expect(counts.relationships.USES).toEqual({ created: 1, present: 0, skipped: 0 });
      expect(await count('MATCH (p:Paper) RETURN count(p)')).toBe(1);
      expect(await count('MATCH (:Paper {id: "paper:m2mkd"})-[u:USES {paperId: "paper:m2mkd"}]->() RETURN count(u)')).toBe(1);
      expect(await count('MATCH ()-[s:SIMILAR_TO]->() RETURN count(s)')).toBe(0);
      expect(await count('MATCH (p:Paper) RETURN size(p.sources)')).toBe(3);
    });

    it('should merge papers shared within one batch and across batches of one run', async () => {
      const graphs: WireGraph[] = [
        { nodes: [paper('a', 'Same Title', { doi: '10.5/abc' })], edges: [] },
        { nodes: [paper('b', 'Different Title', { doi: '10.5/ABC' })], edges: [] },
        { nodes: [paper('c', 'same   title')], edges: [] },
        { nodes: [paper('d', 'Same Title', { arxivId: '1111.11111', doi: '10.9/zzz' })], edges: [] },
      ];
      await load(graphs, 1);
      expect(await count('MATCH (p:Paper) RETURN count(p)')).toBe(2);
      await emptyDatabase(db);
      await load(graphs, 5000);
      expect(await count('MATCH (p:Paper) RETURN count(p)')).toBe(2);
    });

    it('should skip an edge whose endpoint is not in the graph and drop unknown labels', async () => {
      const counts = await load([
        {
          nodes: [paper('x', 'X'), { id: 'weird:1', label: 'Weird' as never, name: 'w', properties: {} }],
          edges: [edge('CITES', 'paper:x', 'paper:missing'), { ...edge('CITES', 'paper:x', 'paper:x'), type: 'LIKES' as never }],
        },
      ]);
      expect(counts.relationships.CITES).toEqual({ created: 0, present: 0, skipped: 1 });
      expect(await count('MATCH (n) WHERE NOT n:GraphSummary RETURN count(n)')).toBe(1);
    });

    it('should give the same graph whatever the batch size', async () => {
      const big: WireGraph = { nodes: [], edges: [] };
      for (let i = 0; i < 300; i++) {
        big.nodes.push(paper(`p${i}`, `Paper ${i}`), method(`m${i % 50}`, `Method ${i % 50}`, [`M${i % 50}`]));
        big.edges.push(edge('USES', `paper:p${i}`, `method:m${i % 50}`));
        if (i > 0) big.edges.push(edge('CITES', `paper:p${i}`, `paper:p${i - 1}`));
      }
      const a = await load([big], 7);
      const shape = [await count('MATCH (n) WHERE NOT n:GraphSummary RETURN count(n)'), await count('MATCH ()-[r]->() RETURN count(r)')];
      expect(shape).toEqual([350, 599]);
      expect(a.batches).toBeGreaterThan(100);
      await emptyDatabase(db);
      await load([big], 100_000);
      expect([await count('MATCH (n) WHERE NOT n:GraphSummary RETURN count(n)'), await count('MATCH ()-[r]->() RETURN count(r)')]).toEqual(
        shape,
      );
    });
  });

  describe('#MemoryStore', () => {
    it('should hold the resolved graph in the wire format without touching the database', async () => {
      const memory = new MemoryStore();
      const writer = new GraphWriter([memory], undefined, { batchSize: 2 });
      await writer.add(sample());
      await writer.add({
        nodes: [paper('dup', 'm2mKD (arXiv version)', { arxivId: '2402.16918', sources: ['arxiv'] })],
        edges: [edge('USES', 'paper:dup', 'method:knowledge-distillation')],
      });
      const counts = await writer.close();
      expect(counts.nodes.Paper).toEqual({ created: 1, present: 1, skipped: 0 });
      const graph = memory.graph();
      expect(graph.nodes.map((n) => n.id).sort()).toEqual([
        'method:knowledge-distillation',
        'method:m2mkd',
        'paper:m2mkd',
        'repo:github.com/kamanphoebe/m2mkd',
      ]);
      const p = graph.nodes.find((n) => n.label === 'Paper')!;
      expect(p).toMatchObject({
        name: 'm2mKD: Module-to-Module Knowledge Distillation',
        properties: { year: 2024, sources: ['test', 'arxiv'], arxivId: '2402.16918' },
      });
      expect(graph.nodes.find((n) => n.id === 'method:m2mkd')!.properties.aliases).toEqual(['module-to-module knowledge distillation']);
      expect(graph.edges.map((e) => e.id)).toContain('USES:paper:m2mkd->method:knowledge-distillation');
      expect(await count('MATCH (n) WHERE NOT n:GraphSummary RETURN count(n)')).toBe(0);
    });
  });
});
