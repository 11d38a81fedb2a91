// What the graph endpoints send for drawing, against the real Neo4j loaded with the default corpus:
// nodes without the detail-only properties (abstract, term lists) that GET /api/nodes/:id keeps for
// the node asked about, nodes and links without bookkeeping (ingest runs, search keys, the copy of
// the id), a node's links capped per type and direction, and the overview served as the same JSON for
// the same question.
import { describe, expect, it } from 'vitest';
import { DETAIL_ONLY_PROPERTIES } from '../../../src/server/convert.js';
import { OverviewResponse } from '../../../src/shared/api/graph.js';
import type { WireEdge, WireGraph, WireNode } from '../../../src/shared/graph.js';
import { expectShape, getFrom, searchIdIn, useCorpusApp } from './corpus-app.js';

const ctx = useCorpusApp();
const get = (url: string) => getFrom(ctx.app, url);

/** Stored on nodes and links, read by no drawing: the ingest runs, the search keys, the copy of the wire id. */
const BOOKKEEPING = ['runs', 'nameKey', 'aliasKeys', 'id'];

function expectLean(nodes: WireNode[]) {
  expect(nodes.length).toBeGreaterThan(0);
  for (const node of nodes) {
    for (const key of [...DETAIL_ONLY_PROPERTIES, ...BOOKKEEPING]) expect(node.properties, node.id).not.toHaveProperty(key);
  }
}

function expectLeanGraph(graph: WireGraph, url: string) {
  expectLean(graph.nodes);
  expect(graph.edges.length, url).toBeGreaterThan(0);
  for (const edge of graph.edges) {
    expect(edge.properties, edge.id).not.toHaveProperty('runs');
    expect(edge.properties, edge.id).not.toHaveProperty('id');
  }
}

describe('server/routes/graph (drawn payloads)', () => {
  describe('GET /api/nodes/:id', () => {
    it('should keep the asked paper its abstract and term lists and leave them off its neighbours', async () => {
      const paper = await searchIdIn(ctx.app, 'distillation', 'Paper');
      const { status, body } = await get(`/api/nodes/${encodeURIComponent(paper)}`);
      expect(status).toBe(200);
      const node = body.node as WireNode;
      expect(typeof node.properties.abstract).toBe('string');
      expect(Array.isArray(node.properties.terms)).toBe(true);
      const graph = body.graph as WireGraph;
      expect(graph.nodes.find((n) => n.id === paper)?.properties.abstract).toBe(node.properties.abstract);
      expectLean(graph.nodes.filter((n) => n.id !== paper));
    });

    it('should list at most perType links of each type and direction, every kind with links among them', async () => {
      const all = await get('/api/nodes/method:knowledge-distillation');
      const counts = all.body.counts as { type: string; direction: string; count: number }[];
      // Knowledge distillation has several kinds of links, some with more than one.
      expect(counts.length).toBeGreaterThan(1);
      expect(counts.some((c) => c.count > 1)).toBe(true);
      const { status, body } = await get('/api/nodes/method:knowledge-distillation?perType=1');
      expect(status).toBe(200);
      const id = 'method:knowledge-distillation';
      const edges = (body.graph as WireGraph).edges;
      for (const c of counts) {
        const listed = edges.filter((e) => e.type === c.type && (c.direction === 'out' ? e.source === id : e.target === id));
        expect(listed, `${c.type} ${c.direction}`).toHaveLength(1);
      }
      expect(edges).toHaveLength(counts.length);
      expect(body.truncated).toBe(true);
      expect(body.omitted).toBe((body.degree as number) - counts.length);
      const bad = await get('/api/nodes/method:knowledge-distillation?perType=0');
      expect(bad.status).toBe(400);
      expect(bad.body.error!.message).toContain('"perType"');
    });
  });

  describe('drawing endpoints', () => {
    it('should send papers without abstracts or term lists, and nodes and links without bookkeeping, in neighbourhoods, lineages, paths and the overview', async () => {
      const paper = encodeURIComponent(await searchIdIn(ctx.app, 'distillation', 'Paper'));
      for (const url of [
        `/api/neighbourhood/${paper}?depth=2`,
        '/api/neighbourhood/method:knowledge-distillation?depth=1',
        '/api/lineage/method:knowledge-distillation',
        `/api/path?from=method:knowledge-distillation&to=${paper}`,
        '/api/overview?limit=2000',
        '/api/overview?limit=5',
      ]) {
        const { status, body } = await get(url);
        expect(status, url).toBe(200);
        expectLeanGraph(body.graph as WireGraph, url);
      }
      const overview = (await get('/api/overview?limit=2000')).body.graph as WireGraph;
      expect(overview.nodes.some((n) => n.label === 'Paper')).toBe(true);
    });

    it('should send a community opened from the overview, and its links out, without bookkeeping', async () => {
      const clusters = (await get('/api/overview?limit=20')).body.clusters as { id: number }[];
      const { status, body } = await get(`/api/communities/${clusters[0]!.id}?limit=50`);
      expect(status).toBe(200);
      expectLeanGraph(
        { nodes: (body.graph as WireGraph).nodes, edges: [...(body.graph as WireGraph).edges, ...(body.links as WireEdge[])] },
        'community',
      );
    });
  });

  describe('GET /api/overview', () => {
    it('should answer the same question with the same JSON, typed as JSON, and different questions apart', async () => {
      const first = await ctx.app.inject({ method: 'GET', url: '/api/overview?limit=12' });
      const again = await ctx.app.inject({ method: 'GET', url: '/api/overview?limit=12' });
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toMatch(/^application\/json/);
      expect(again.body).toBe(first.body);
      expectShape(OverviewResponse, first.json());
      const methods = (await get('/api/overview?limit=12&labels=Method')).body.graph as WireGraph;
      expect(methods.nodes.length).toBeGreaterThan(0);
      for (const n of methods.nodes) expect(n.label).toBe('Method');
      // Twelve ranked ideas and papers; the communities they leave out come as Cluster nodes beside them.
      const nodes = (first.json() as { graph: WireGraph }).graph.nodes;
      expect(nodes.filter((n) => n.label !== 'Cluster')).toHaveLength(12);
      expect(nodes.filter((n) => n.label === 'Cluster').every((n) => n.id.startsWith('cluster:'))).toBe(true);
    });
  });
});
