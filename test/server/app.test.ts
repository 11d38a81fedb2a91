// Integration tests of every /api endpoint against the real Neo4j loaded with the default corpus:
// shapes, evidence on edges, caps, unknown ids (404), bad parameters (400) and security defaults.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type WireEdge, type WireGraph, type WireNode } from '../../src/shared/graph.js';
import { corpusDatabase, testApp } from './helpers.js';

let db: Database;
let app: FastifyInstance;

async function get(url: string) {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> & { error?: { code: string; message: string } }, headers: res.headers };
}

function expectWireGraph(graph: WireGraph) {
  const ids = new Set(graph.nodes.map((n) => n.id));
  expect(ids.size).toBe(graph.nodes.length);
  for (const node of graph.nodes) {
    expect(NODE_LABELS).toContain(node.label);
    expect(typeof node.name).toBe('string');
    expect(typeof node.properties).toBe('object');
  }
  for (const edge of graph.edges) {
    expect(RELATIONSHIP_TYPES).toContain(edge.type);
    expect(ids.has(edge.source)).toBe(true);
    expect(ids.has(edge.target)).toBe(true);
  }
  // Plain JSON: no Neo4j Integer objects ({low, high}) anywhere.
  expect(JSON.stringify(graph)).not.toMatch(/"low":\s*-?\d+,\s*"high"/);
}

/** A well-connected method id from the corpus, found through the API itself. */
async function searchId(q: string, label: string): Promise<string> {
  const { body } = await get(`/api/search?q=${encodeURIComponent(q)}&labels=${label}&limit=1`);
  const hit = (body.results as { node: WireNode }[])[0];
  if (!hit) throw new Error(`test: no ${label} found for "${q}"`);
  return hit.node.id;
}

beforeAll(async () => {
  db = await corpusDatabase();
  app = await testApp(db);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('server/app', () => {
  describe('GET /api/health', () => {
    it('should report Neo4j reachable with its version and counts per label', async () => {
      const { status, body } = await get('/api/health');
      expect(status).toBe(200);
      expect(body.status).toBe('ok');
      expect((body.neo4j as { version: string }).version).toMatch(/^5\.26\./);
      const counts = body.counts as { nodes: Record<string, number>; relationships: Record<string, number> };
      for (const label of NODE_LABELS) expect(typeof counts.nodes[label]).toBe('number');
      expect(counts.nodes.Paper).toBeGreaterThan(0);
      expect(counts.relationships.BUILDS_ON).toBeGreaterThan(0);
    });

    it('should never include database credentials', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.body).not.toMatch(/password|credentials|bolt:\/\//i);
    });
  });

  describe('GET /api/search', () => {
    it('should find Mamba and MambaMixer from the prefix "mamb"', async () => {
      const { status, body } = await get('/api/search?q=mamb');
      expect(status).toBe(200);
      const names = (body.results as { node: WireNode }[]).map((r) => r.node.name.toLowerCase());
      expect(names).toContain('mamba');
      expect(names.some((n) => n.startsWith('mambamixer'))).toBe(true);
      expect(names.indexOf('mamba')).toBeLessThan(names.findIndex((n) => n.startsWith('mambamixer')));
    });

    it('should find knowledge distillation through its alias "kd" first and say which alias matched', async () => {
      const { body } = await get('/api/search?q=kd');
      const first = (body.results as { node: WireNode; matched: string | null }[])[0]!;
      expect(first.node.id).toBe('method:knowledge-distillation');
      expect(first.matched?.toLowerCase()).toBe('kd');
    });

    it('should find a name written as one word from its parts ("m2m kd" finds m2mKD)', async () => {
      const { body } = await get('/api/search?q=m2m%20kd&labels=Method');
      expect((body.results as { node: WireNode }[])[0]!.node.name).toBe('m2mKD');
    });

    it('should leave the abstract out of search results', async () => {
      const { body } = await get('/api/search?q=distillation&labels=Paper');
      const results = body.results as { node: WireNode }[];
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect(r.node.properties.abstract).toBeUndefined();
    });

    it('should rank results by score and filter by label', async () => {
      const { body } = await get('/api/search?q=knowledge%20distillation&labels=Method,Architecture&limit=5');
      const results = body.results as { node: WireNode; score: number }[];
      expect(results.length).toBeGreaterThan(0);
      expect(results.length).toBeLessThanOrEqual(5);
      for (const r of results) expect(['Method', 'Architecture']).toContain(r.node.label);
      expect(results[0]!.node.id).toBe('method:knowledge-distillation');
    });

    it('should treat Lucene special characters as text, not syntax', async () => {
      for (const q of ['mamba)', 'AND OR NOT', '"unterminated', 'a:b*?~^', '\\', '(knowledge) [distillation]', '*']) {
        const { status } = await get(`/api/search?q=${encodeURIComponent(q)}`);
        expect(status).toBe(200);
      }
      const { body } = await get(`/api/search?q=${encodeURIComponent('knowledge-distillation!')}`);
      expect((body.results as { node: WireNode }[])[0]!.node.id).toBe('method:knowledge-distillation');
    });

    it('should answer 400 naming the parameter for a missing q, a bad limit or an unknown label', async () => {
      const missing = await get('/api/search');
      expect(missing.status).toBe(400);
      expect(missing.body.error!.code).toBe('invalid_parameter');
      expect(missing.body.error!.message).toContain('"q"');
      const limit = await get('/api/search?q=x&limit=1000');
      expect(limit.status).toBe(400);
      expect(limit.body.error!.message).toContain('"limit"');
      const label = await get('/api/search?q=x&labels=Person');
      expect(label.status).toBe(400);
      expect(label.body.error!.message).toContain('"labels"');
      const unknown = await get('/api/search?q=x&lmit=3');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error!.message).toContain('"lmit"');
    });
  });

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
      const { body } = await app.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'MATCH (r:Repository) RETURN r.id AS id LIMIT 1' } }).then((r) => ({ body: r.json() }));
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
        expect(graph.edges.some((e) => [e.source, e.target].includes(node.id) && [e.source, e.target].includes('method:knowledge-distillation'))).toBe(true);
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
      const edgesOf = async (direction: string) => ((await get(`/api/lineage/${id}?direction=${direction}&depth=5`)).body.graph as WireGraph).edges;
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
      const pair = await app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: {
          query: `MATCH (a)-[:BUILDS_ON*3]->(b) WHERE NOT EXISTS { (a)-[:BUILDS_ON*1..2]-(b) } WITH DISTINCT a, b LIMIT 500
            MATCH q = shortestPath((a)-[*]-(b)) WHERE length(q) < 3 RETURN a.id AS a, b.id AS b LIMIT 1`,
        },
      });
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
      expect(graph.nodes).toHaveLength(5);
      expect(body.truncated).toBe(true);
      expect(body.omitted).toBe((body.total as number) - 5);
      const degrees = graph.nodes.map((n) => graph.edges.filter((e) => e.source === n.id || e.target === n.id).length);
      expect(degrees.some((d) => d > 0)).toBe(true);
    });

    it('should pick the nodes of highest degree, whatever their label', async () => {
      const { body } = await get('/api/overview?limit=10');
      const picked = (body.graph as WireGraph).nodes.map((n) => n.properties.degree as number).sort((a, b) => b - a);
      const whole = (await get('/api/overview?limit=2000')).body.graph as WireGraph;
      const all = whole.nodes.map((n) => n.properties.degree as number).sort((a, b) => b - a);
      expect(picked).toEqual(all.slice(0, 10));
      const wholeDegree = (id: string) => whole.edges.filter((e) => e.source === id || e.target === id).length;
      for (const n of whole.nodes.slice(0, 50)) expect(n.properties.degree).toBe(wholeDegree(n.id));
    });

    it('should fit the whole default corpus with a high enough limit', async () => {
      const health = (await get('/api/health')).body.counts as { nodes: Record<string, number> };
      const total = Object.values(health.nodes).reduce((a, b) => a + b, 0);
      const { body } = await get('/api/overview?limit=2000');
      expect(body.total).toBe(total);
      expect(body.truncated).toBe(total > 2000);
    });

    it('should answer 400 for a bad limit', async () => {
      expect((await get('/api/overview?limit=0')).status).toBe(400);
      expect((await get('/api/overview?limit=ten')).status).toBe(400);
    });
  });

  describe('GET /api/queries', () => {
    it('should list the saved queries with title, description, typed parameters with defaults and columns', async () => {
      const { status, body } = await get('/api/queries');
      expect(status).toBe(200);
      const queries = body.queries as { name: string; title: string; description: string; params: { name: string; type: string; default: unknown }[]; columns: string[] }[];
      expect(queries.length).toBeGreaterThanOrEqual(12);
      for (const q of queries) {
        expect(q.title).not.toBe('');
        expect(q.description).not.toBe('');
        expect(q.columns.length).toBeGreaterThan(0);
        for (const p of q.params) expect(p.default).not.toBeUndefined();
      }
      expect(queries.map((q) => q.name)).toContain('what-builds-on');
    });
  });

  describe('POST /api/queries/:name', () => {
    it('should run a saved query with its defaults and answer {graph, table}', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: {} });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.table.columns).toEqual(['id', 'name', 'label', 'depth', 'path']);
      expect(body.table.rows.length).toBeGreaterThan(0);
      expectWireGraph(body.graph);
      expect(body.graph.edges.length).toBeGreaterThan(0);
    });

    it('should take parameters and answer 400 for unknown or mistyped ones, 404 for an unknown query', async () => {
      const ok = await app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: { params: { method: 'method:knowledge-distillation', depth: 1 } } });
      expect(ok.statusCode).toBe(200);
      for (const row of ok.json().table.rows as unknown[][]) expect(row[3]).toBe(1);
      const unknown = await app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: { params: { methd: 'x' } } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toContain('"methd"');
      const mistyped = await app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: { params: { depth: 'deep' } } });
      expect(mistyped.statusCode).toBe(400);
      expect(mistyped.json().error.message).toContain('"depth"');
      const range = await app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: { params: { depth: 99 } } });
      expect(range.statusCode).toBe(400);
      const missing = await app.inject({ method: 'POST', url: '/api/queries/no-such-query', payload: {} });
      expect(missing.statusCode).toBe(404);
    });
  });

  describe('POST /api/cypher', () => {
    it('should run read-only Cypher with parameters and return graph and table', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: { query: 'MATCH (m:Method {id: $id})<-[r:BUILDS_ON]-(x) RETURN m, r, x, m.name AS name LIMIT $n', params: { id: 'method:knowledge-distillation', n: 3 } },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.table.columns).toEqual(['m', 'r', 'x', 'name']);
      expect(body.table.rows.length).toBeGreaterThan(0);
      expect(body.table.rows.length).toBeLessThanOrEqual(3);
      expect(body.table.rows[0][0]).toMatchObject({ id: 'method:knowledge-distillation', label: 'Method' });
      expect(body.capped).toBe(false);
      expectWireGraph(body.graph);
      expect(body.graph.edges.length).toBeGreaterThan(0);
    });

    it('should convert integers, temporals and points to plain JSON', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: {
          query: "RETURN 42 AS n, 9007199254740993 AS big, date('2024-03-13') AS d, datetime('2024-03-13T10:00:00Z') AS dt, duration('P1DT2H') AS dur, point({x: 1, y: 2}) AS pt, [1, 2] AS list, {a: 1} AS map",
        },
      });
      expect(res.statusCode).toBe(200);
      const [n, big, d, dt, dur, pt, list, map] = res.json().table.rows[0];
      expect(n).toBe(42);
      expect(big).toBe('9007199254740993');
      expect(d).toBe('2024-03-13');
      expect(dt).toBe('2024-03-13T10:00:00Z');
      expect(dur).toBe('P1DT2H');
      expect(pt).toMatchObject({ x: 1, y: 2 });
      expect(list).toEqual([1, 2]);
      expect(map).toEqual({ a: 1 });
    });

    it('should answer 400 with Neo4j\'s reason for a syntax error, without a stack trace', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'MATCH (n RETURN n' } });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('cypher_error');
      expect(body.error.message).toContain('POST /api/cypher');
      expect(res.body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    });

    it('should answer 400 for a missing query, a non-object params and invalid JSON', async () => {
      const missing = await app.inject({ method: 'POST', url: '/api/cypher', payload: {} });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.message).toContain('"query"');
      const params = await app.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'RETURN 1', params: [1] } });
      expect(params.statusCode).toBe(400);
      expect(params.json().error.message).toContain('"params"');
      const json = await app.inject({ method: 'POST', url: '/api/cypher', headers: { 'content-type': 'application/json' }, payload: '{"query": ' });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.code).toBe('invalid_parameter');
    });
  });

  describe('security', () => {
    it('should refuse bodies over the size limit with 413', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/cypher', payload: { query: `RETURN '${'x'.repeat(300_000)}'` } });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('payload_too_large');
    });

    it('should send no CORS headers unless an origin is configured', async () => {
      const off = await app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'http://evil.example' } });
      expect(off.headers['access-control-allow-origin']).toBeUndefined();
      const corsApp = await testApp(db, { corsOrigin: 'http://localhost:3000' });
      try {
        const allowed = await corsApp.inject({ method: 'GET', url: '/api/health', headers: { origin: 'http://localhost:3000' } });
        expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
        const other = await corsApp.inject({ method: 'GET', url: '/api/health', headers: { origin: 'http://evil.example' } });
        expect(other.headers['access-control-allow-origin']).toBeUndefined();
        const preflight = await corsApp.inject({ method: 'OPTIONS', url: '/api/cypher', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } });
        expect(preflight.statusCode).toBe(204);
      } finally {
        await corsApp.close();
      }
    });

    it('should answer unknown API paths with a JSON 404', async () => {
      const res = await get('/api/no-such-endpoint');
      expect(res.status).toBe(404);
      expect(res.body.error!.code).toBe('not_found');
    });

    it('should serve the explorer with an index.html fallback for non-API paths', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'methodgraph-dist-'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>methodgraph</title>');
      writeFileSync(join(dir, 'app.js'), 'console.log(1)');
      const staticApp = await testApp(db, { staticDir: dir });
      try {
        const index = await staticApp.inject({ method: 'GET', url: '/' });
        expect(index.statusCode).toBe(200);
        expect(index.body).toContain('<title>methodgraph</title>');
        expect((await staticApp.inject({ method: 'GET', url: '/app.js' })).body).toContain('console.log');
        const deep = await staticApp.inject({ method: 'GET', url: '/node/method:knowledge-distillation' });
        expect(deep.statusCode).toBe(200);
        expect(deep.headers['content-type']).toContain('text/html');
        const api = await staticApp.inject({ method: 'GET', url: '/api/nope' });
        expect(api.statusCode).toBe(404);
        expect(api.json().error.code).toBe('not_found');
        expect((await staticApp.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      } finally {
        await staticApp.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
