// The graph endpoints (node details, neighbourhood, lineage, path, overview, communities) against the real Neo4j
// loaded with the default corpus: wire format, evidence on edges, caps, 404s and 400s.
import { describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../../src/shared/api/common.js';
import { CommunityResponse } from '../../../src/shared/api/communities.js';
import { LineageResponse, NeighbourhoodResponse, NodeResponse, OverviewResponse, PathResponse } from '../../../src/shared/api/graph.js';
import { RELATIONSHIP_TYPES, type WireEdge, type WireGraph, type WireNode } from '../../../src/shared/graph.js';
import { expectShape, expectWireGraph, getFrom, searchIdIn, useCorpusApp } from './corpus-app.js';

const ctx = useCorpusApp();
const get = (url: string) => getFrom(ctx.app, url);
const searchId = (q: string, label: string) => searchIdIn(ctx.app, q, label);
/** The database's nodes of an overview, without the cluster nodes standing for what it left out. */
const stored = (graph: WireGraph) => graph.nodes.filter((n) => n.label !== 'Cluster');

describe('server/routes/graph', () => {
  describe('GET /api/nodes/:id', () => {
    it('should return properties, relationship counts by type and adjacent edges with evidence', async () => {
      const { status, body } = await get('/api/nodes/method:knowledge-distillation');
      expect(status).toBe(200);
      const node = body.node as WireNode;
      expect(node).toMatchObject({ id: 'method:knowledge-distillation', label: 'Method' });
      expect(Array.isArray(node.properties.aliases)).toBe(true);
      const counts = body.counts as { type: string; direction: string; count: number }[];
      expect(counts.find((c) => c.type === 'BUILDS_ON' && c.direction === 'in')?.count).toBeGreaterThan(0);
      const graph = body.graph as WireGraph;
      expectWireGraph(graph);
      expect(graph.edges.length).toBe(counts.reduce((s, c) => s + c.count, 0));
      for (const edge of graph.edges) {
        expect(typeof edge.properties.evidence).toBe('string');
        expect([edge.source, edge.target]).toContain('method:knowledge-distillation');
      }
      expect(body.truncated).toBe(false);
    });

    it('should cap adjacent edges and say how many were left out', async () => {
      const { body } = await get('/api/nodes/method:knowledge-distillation?limit=1');
      expect((body.graph as WireGraph).edges).toHaveLength(1);
      expect(body.truncated).toBe(true);
      expect(body.omitted).toBe((body.degree as number) - 1);
    });

    it('should accept ids with slashes when URL-encoded', async () => {
      const { body } = await ctx.app
        .inject({ method: 'POST', url: '/api/cypher', payload: { query: 'MATCH (r:Repository) RETURN r.id AS id LIMIT 1' } })
        .then((r) => ({ body: r.json() }));
      const repoId = body.table.rows[0][0] as string;
      const res = await get(`/api/nodes/${encodeURIComponent(repoId)}`);
      expect(res.status).toBe(200);
      expect((res.body.node as WireNode).label).toBe('Repository');
    });

    it('should answer 404 for an unknown id and 400 for a malformed one', async () => {
      const missing = await get('/api/nodes/method:no-such-method');
      expect(missing.status).toBe(404);
      expect(missing.body.error).toMatchObject({ code: 'not_found' });
      expect(missing.body.error!.message).toContain('method:no-such-method');
      const malformed = await get('/api/nodes/no-colon');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error!.message).toContain('"id"');
    });
  });

  describe('GET /api/neighbourhood/:id', () => {
    it('should return the node and its neighbours at depth 1 in the wire format', async () => {
      const { status, body } = await get('/api/neighbourhood/method:knowledge-distillation');
      expect(status).toBe(200);
      const graph = body.graph as WireGraph;
      expectWireGraph(graph);
      expect(graph.nodes[0]!.id).toBe('method:knowledge-distillation');
      expect(graph.nodes.length).toBeGreaterThan(1);
      for (const node of graph.nodes.slice(1)) {
        expect(
          graph.edges.some((e) => [e.source, e.target].includes(node.id) && [e.source, e.target].includes('method:knowledge-distillation')),
        ).toBe(true);
      }
    });

    it('should cap the nodes and report truncated with the number left out', async () => {
      const { body } = await get('/api/neighbourhood/method:knowledge-distillation?depth=3&limit=3');
      const graph = body.graph as WireGraph;
      expect(graph.nodes).toHaveLength(3);
      expect(body.truncated).toBe(true);
      expect(body.omitted).toBe((body.reached as number) - 3);
      expect(body.omitted).toBeGreaterThan(0);
    });

    it('should follow only the given relationship types and labels', async () => {
      const { body } = await get('/api/neighbourhood/method:knowledge-distillation?depth=2&types=BUILDS_ON&labels=Method,Architecture');
      const graph = body.graph as WireGraph;
      expect(graph.nodes.length).toBeGreaterThan(1);
      for (const edge of graph.edges) expect(edge.type).toBe('BUILDS_ON');
      for (const node of graph.nodes) expect(['Method', 'Architecture']).toContain(node.label);
    });

    it('should use a default cap of 150 nodes', async () => {
      const { body } = await get('/api/neighbourhood/method:knowledge-distillation?depth=3');
      expect((body.graph as WireGraph).nodes.length).toBeLessThanOrEqual(150);
      expect(body.truncated).toBe((body.reached as number) > 150);
    });

    it('should answer 400 for depth outside 1..3 and bad types, 404 for an unknown id', async () => {
      expect((await get('/api/neighbourhood/method:knowledge-distillation?depth=4')).status).toBe(400);
      expect((await get('/api/neighbourhood/method:knowledge-distillation?depth=0')).status).toBe(400);
      const types = await get('/api/neighbourhood/method:knowledge-distillation?types=LIKES');
      expect(types.status).toBe(400);
      expect(types.body.error!.message).toContain('"types"');
      expect((await get('/api/neighbourhood/method:knowledge-distillation?limit=-1')).status).toBe(400);
      expect((await get('/api/neighbourhood/paper:nothing-here')).status).toBe(404);
    });
  });

  describe('GET /api/lineage/:id', () => {
    it('should return the BUILDS_ON DAG with proposing papers and evidence on each edge', async () => {
      const { status, body } = await get('/api/lineage/method:knowledge-distillation?direction=descendants&depth=3');
      expect(status).toBe(200);
      const graph = body.graph as WireGraph;
      expectWireGraph(graph);
      expect(graph.nodes[0]!.id).toBe('method:knowledge-distillation');
      expect(graph.edges.length).toBeGreaterThan(0);
      for (const edge of graph.edges) {
        expect(edge.type).toBe('BUILDS_ON');
        expect(typeof edge.properties.evidence).toBe('string');
      }
      for (const node of graph.nodes) {
        expect(['Method', 'Architecture']).toContain(node.label);
        expect(Array.isArray(node.properties.proposedBy)).toBe(true);
      }
      const proposed = graph.nodes.flatMap((n) => n.properties.proposedBy as { id: string; title: string; year: number | null }[]);
      expect(proposed.length).toBeGreaterThan(0);
      for (const p of proposed) {
        expect(p.id).toMatch(/^paper:/);
        expect(typeof p.title).toBe('string');
      }
    });

    it('should walk ancestors, descendants or both', async () => {
      const id = 'method:knowledge-distillation';
      const edgesOf = async (direction: string) =>
        ((await get(`/api/lineage/${id}?direction=${direction}&depth=5`)).body.graph as WireGraph).edges;
      const descendants = await edgesOf('descendants');
      const ancestors = await edgesOf('ancestors');
      const both = await edgesOf('both');
      expect(descendants.some((e) => e.target === id)).toBe(true);
      expect(ancestors.every((e) => e.target !== id)).toBe(true);
      expect(both.length).toBeGreaterThanOrEqual(Math.max(ancestors.length, descendants.length));
    });

    it('should answer 400 for a paper id or a bad direction, 404 for an unknown id', async () => {
      const paper = await searchId('distillation', 'Paper');
      const wrong = await get(`/api/lineage/${encodeURIComponent(paper)}`);
      expect(wrong.status).toBe(400);
      expect(wrong.body.error!.message).toContain('Paper');
      const direction = await get('/api/lineage/method:knowledge-distillation?direction=sideways');
      expect(direction.status).toBe(400);
      expect(direction.body.error!.message).toContain('"direction"');
      expect((await get('/api/lineage/method:knowledge-distillation?depth=11')).status).toBe(400);
      expect((await get('/api/lineage/method:nope')).status).toBe(404);
    });
  });

  describe('GET /api/path', () => {
    it('should return shortest paths between two nodes with their edges', async () => {
      const from = 'method:knowledge-distillation';
      const descendant = ((await get(`/api/lineage/${from}?direction=descendants&depth=1`)).body.graph as WireGraph).nodes[1]!.id;
      const { status, body } = await get(`/api/path?from=${from}&to=${encodeURIComponent(descendant)}`);
      expect(status).toBe(200);
      expect(body.found).toBe(true);
      expect(body.length).toBe(1);
      const paths = body.paths as { nodes: string[]; edges: string[] }[];
      expect(paths[0]!.nodes).toEqual([from, descendant]);
      const graph = body.graph as WireGraph;
      expectWireGraph(graph);
      for (const p of paths) for (const e of p.edges) expect(graph.edges.map((x: WireEdge) => x.id)).toContain(e);
    });

    it('should respect the relationship types and the hop limit', async () => {
      const paper = await searchId('distillation', 'Paper');
      const { body } = await get(`/api/path?from=method:knowledge-distillation&to=${encodeURIComponent(paper)}&types=BUILDS_ON`);
      expect(body.found).toBe(false);
      expect(body.paths).toEqual([]);
      const anyType = await get(`/api/path?from=method:knowledge-distillation&to=${encodeURIComponent(paper)}&max=10`);
      expect(anyType.body.found).toBe(true);
      for (const e of (anyType.body.graph as WireGraph).edges) expect(RELATIONSHIP_TYPES).toContain(e.type);
    });

    it('should find a longer path over the given types when a shorter one uses other types', async () => {
      const pair = await ctx.app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: {
          // Three BUILDS_ON steps apart, no closer in lineage, but two steps apart over any link (a paper naming both).
          query: `MATCH (a)-[:BUILDS_ON*3]->(b) WHERE NOT EXISTS { (a)-[:BUILDS_ON*1..2]-(b) } AND EXISTS { (a)--()--(b) }
            RETURN a.id AS a, b.id AS b LIMIT 1`,
        },
      });
      expect(pair.statusCode, pair.body).toBe(200);
      const [from, to] = pair.json().table.rows[0] as [string, string];
      const short = await get(`/api/path?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      const lineage = await get(`/api/path?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&types=BUILDS_ON`);
      expect(short.body.length as number).toBeLessThan(3);
      expect(lineage.body.found).toBe(true);
      expect(lineage.body.length).toBe(3);
      for (const e of (lineage.body.graph as WireGraph).edges) expect(e.type).toBe('BUILDS_ON');
    });

    it('should answer 404 naming the unknown end and 400 for missing or equal ends', async () => {
      const missing = await get('/api/path?from=method:knowledge-distillation&to=method:nope');
      expect(missing.status).toBe(404);
      expect(missing.body.error!.message).toContain('"to"');
      expect((await get('/api/path?from=method:knowledge-distillation')).status).toBe(400);
      expect((await get('/api/path?from=method:knowledge-distillation&to=method:knowledge-distillation')).status).toBe(400);
      expect((await get('/api/path?from=method:knowledge-distillation&to=method:x&max=50')).status).toBe(400);
    });
  });

  describe('GET /api/overview', () => {
    it('should return the best-connected nodes and the edges among them', async () => {
      const { status, body } = await get('/api/overview?limit=5');
      expect(status).toBe(200);
      const graph = body.graph as WireGraph;
      expectWireGraph(graph);
      expect(stored(graph)).toHaveLength(5);
      expect(body.truncated).toBe(true);
      expect(body.omitted).toBe((body.total as number) - 5);
      const degrees = stored(graph).map((n) => graph.edges.filter((e) => e.source === n.id || e.target === n.id).length);
      expect(degrees.some((d) => d > 0)).toBe(true);
    });

    it('should pick ideas by lineage importance, each followed by the paper that proposed it, and list the communities left out', async () => {
      // The default first view's size: the most built-upon ideas are taxonomy components no paper
      // proposes, so proposing papers appear further down the ranking.
      const { body } = await get('/api/overview?limit=300');
      expect(body.selection).toBe('importance');
      const graph = body.graph as WireGraph;
      expectWireGraph(graph);
      expect(stored(graph)).toHaveLength(300);
      const ideas = graph.nodes.filter((n) => ['Method', 'Architecture', 'Dataset'].includes(n.label));
      const importance = ideas.map((n) => n.properties.importance as number);
      expect(importance).toEqual([...importance].sort((a, b) => b - a));
      expect(graph.nodes[0]!.label).not.toBe('Paper');
      const papers = graph.nodes.filter((n) => n.label === 'Paper');
      expect(papers.length).toBeGreaterThan(0);
      for (const paper of papers) {
        expect(graph.edges.some((e) => e.type === 'PROPOSES' && e.source === paper.id)).toBe(true);
      }
      // A small overview leaves communities partly out; the default corpus's ideas all fit in 300.
      const clusters = (await get('/api/overview?limit=20')).body.clusters as {
        id: number;
        name: string;
        size: number;
        shown: number;
        omitted: number;
      }[];
      expect(clusters.length).toBeGreaterThan(0);
      for (const c of clusters) {
        expect(c.omitted).toBeGreaterThan(0);
        expect(c.shown + c.omitted).toBe(c.size);
        expect(c.name).not.toBe('');
      }
    });

    it('should slice smaller overviews from the front of the same ranking', async () => {
      const small = (await get('/api/overview?limit=8')).body.graph as WireGraph;
      const large = (await get('/api/overview?limit=40')).body.graph as WireGraph;
      expect(stored(small).map((n) => n.id)).toEqual(
        stored(large)
          .slice(0, 8)
          .map((n) => n.id),
      );
    });

    it('should fit the whole default corpus with a high enough limit', async () => {
      const health = (await get('/api/health')).body.counts as { nodes: Record<string, number> };
      const total = Object.values(health.nodes).reduce((a, b) => a + b, 0);
      const { body } = await get('/api/overview?limit=2000');
      expect(body.selection).toBe(total > 2000 ? 'importance' : 'all');
      expect(body.total).toBe(total);
      expect(body.truncated).toBe(total > 2000);
    });

    it('should answer 400 for a bad limit', async () => {
      expect((await get('/api/overview?limit=0')).status).toBe(400);
      expect((await get('/api/overview?limit=ten')).status).toBe(400);
      expect((await get('/api/overview?top=2001')).status).toBe(400);
    });
  });

  describe('GET /api/communities/:community', () => {
    it('should return the most important ideas of a community the overview lists, with the links among them', async () => {
      const clusters = (await get('/api/overview?limit=20')).body.clusters as { id: number; size: number }[];
      const cluster = clusters[0]!;
      const { status, body } = await get(`/api/communities/${cluster.id}?limit=5`);
      expect(status).toBe(200);
      const graph = body.graph as WireGraph;
      expectWireGraph(graph);
      expect(body.total).toBe(cluster.size);
      expect(graph.nodes.length).toBe(Math.min(5, cluster.size));
      expect(body.omitted).toBe(cluster.size - graph.nodes.length);
      for (const node of graph.nodes) {
        expect(['Method', 'Architecture', 'Dataset']).toContain(node.label);
        expect(node.properties.community).toBe(cluster.id);
      }
      const importance = graph.nodes.map((n) => n.properties.importance as number);
      expect(importance).toEqual([...importance].sort((a, b) => b - a));
    });

    it("should list the members' links to ideas outside them, each with one end a member and the other not", async () => {
      const clusters = (await get('/api/overview?limit=20')).body.clusters as { id: number; size: number }[];
      let seen = 0;
      for (const cluster of clusters) {
        const { body } = await get(`/api/communities/${cluster.id}?limit=3`);
        const members = new Set((body.graph as WireGraph).nodes.map((n) => n.id));
        const links = body.links as WireEdge[];
        for (const link of links) {
          expect(members.has(link.source) !== members.has(link.target), link.id).toBe(true);
          const outside = members.has(link.source) ? link.target : link.source;
          expect(outside).toMatch(/^(method|architecture|dataset):/);
        }
        const among = new Set((body.graph as WireGraph).edges.map((e) => e.id));
        for (const link of links) expect(among.has(link.id), `${link.id} is among the members too`).toBe(false);
        seen += links.length;
      }
      expect(seen, "the default corpus's lineage crosses communities").toBeGreaterThan(0);
    });

    it('should answer 404 for a community that does not exist and 400 for one that is not a number', async () => {
      const missing = await get('/api/communities/999999');
      expect(missing.status).toBe(404);
      expect(missing.body.error!.message).toContain('clusters');
      const bad = await get('/api/communities/first');
      expect(bad.status).toBe(400);
      expect(bad.body.error!.message).toContain('community');
    });
  });

  describe('contract', () => {
    it('should answer node details of every label in the shape of NodeResponse', async () => {
      const ids = [
        'method:knowledge-distillation',
        await searchId('distillation', 'Paper'),
        await searchId('github', 'Repository'),
        await searchId('imagenet', 'Dataset'),
      ];
      for (const id of ids) {
        const { status, body } = await get(`/api/nodes/${encodeURIComponent(id)}`);
        expect(status).toBe(200);
        expectShape(NodeResponse, body);
      }
    });

    it('should answer neighbourhoods at every depth in the shape of NeighbourhoodResponse', async () => {
      for (const depth of [1, 2, 3]) {
        const { status, body } = await get(`/api/neighbourhood/method:knowledge-distillation?depth=${depth}&limit=40`);
        expect(status).toBe(200);
        expectShape(NeighbourhoodResponse, body);
      }
    });

    it('should answer lineages in every direction in the shape of LineageResponse', async () => {
      for (const direction of ['ancestors', 'descendants', 'both']) {
        const { status, body } = await get(`/api/lineage/method:knowledge-distillation?direction=${direction}`);
        expect(status).toBe(200);
        expectShape(LineageResponse, body);
      }
    });

    it('should answer paths found and not found in the shape of PathResponse', async () => {
      const paper = encodeURIComponent(await searchId('distillation', 'Paper'));
      for (const url of [
        `/api/path?from=method:knowledge-distillation&to=${paper}`,
        `/api/path?from=method:knowledge-distillation&to=${paper}&types=BUILDS_ON`,
      ]) {
        const { status, body } = await get(url);
        expect(status).toBe(200);
        expectShape(PathResponse, body);
      }
    });

    it('should answer the overview in the shape of OverviewResponse', async () => {
      for (const url of ['/api/overview', '/api/overview?limit=2000', '/api/overview?labels=Method&types=BUILDS_ON&limit=5']) {
        const { status, body } = await get(url);
        expect(status).toBe(200);
        expectShape(OverviewResponse, body);
      }
    });

    it('should answer a community in the shape of CommunityResponse', async () => {
      const { status, body } = await get('/api/communities/0');
      expect(status).toBe(200);
      expectShape(CommunityResponse, body);
    });

    it('should answer an unknown node in the shape of ErrorResponse', async () => {
      const { status, body } = await get('/api/nodes/method:no-such-method');
      expect(status).toBe(404);
      expectShape(ErrorResponse, body);
    });
  });
});
