// Saved queries and ad-hoc Cypher against the real Neo4j loaded with the default corpus: listing,
// running with defaults and parameters, plain JSON values, and 400s/404s with clear messages.
import { describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../../src/shared/api/common.js';
import { CypherResponse, QueriesResponse, SavedQueryRunResponse } from '../../../src/shared/api/queries.js';
import { expectShape, expectWireGraph, getFrom, useCorpusApp } from './corpus-app.js';

const ctx = useCorpusApp();
const get = (url: string) => getFrom(ctx.app, url);

describe('server/routes/queries', () => {
  describe('GET /api/queries', () => {
    it('should list the saved queries with title, description, typed parameters with defaults and columns', async () => {
      const { status, body } = await get('/api/queries');
      expect(status).toBe(200);
      const queries = body.queries as {
        name: string;
        title: string;
        description: string;
        params: { name: string; type: string; default: unknown }[];
        columns: string[];
      }[];
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
      const res = await ctx.app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: {} });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.table.columns).toEqual(['id', 'name', 'label', 'depth', 'path']);
      expect(body.table.rows.length).toBeGreaterThan(0);
      expectWireGraph(body.graph);
      expect(body.graph.edges.length).toBeGreaterThan(0);
      // A path cell names its nodes in order and each step's relationship, so the table can show it.
      const path = body.table.rows[0][4] as {
        start: string;
        end: string;
        length: number;
        nodes: { id: string; name: string }[];
        steps: { type: string; forward: boolean }[];
      };
      expect(path.start).toBe(body.table.rows[0][0]);
      expect(path.nodes[0]!.id).toBe(path.start);
      expect(path.nodes.at(-1)!.id).toBe(path.end);
      expect(path.steps).toHaveLength(path.length);
      expect(path.steps.every((s) => s.type === 'BUILDS_ON' && s.forward)).toBe(true);
    });

    it('should take parameters and answer 400 for unknown or mistyped ones, 404 for an unknown query', async () => {
      const ok = await ctx.app.inject({
        method: 'POST',
        url: '/api/queries/what-builds-on',
        payload: { params: { method: 'method:knowledge-distillation', depth: 1 } },
      });
      expect(ok.statusCode).toBe(200);
      for (const row of ok.json().table.rows as unknown[][]) expect(row[3]).toBe(1);
      const unknown = await ctx.app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: { params: { methd: 'x' } } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toContain('"methd"');
      const mistyped = await ctx.app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: { params: { depth: 'deep' } } });
      expect(mistyped.statusCode).toBe(400);
      expect(mistyped.json().error.message).toContain('"depth"');
      const range = await ctx.app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: { params: { depth: 99 } } });
      expect(range.statusCode).toBe(400);
      const missing = await ctx.app.inject({ method: 'POST', url: '/api/queries/no-such-query', payload: {} });
      expect(missing.statusCode).toBe(404);
    });
  });

  describe('POST /api/cypher', () => {
    it('should run read-only Cypher with parameters and return graph and table', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: {
          query: 'MATCH (m:Method {id: $id})<-[r:BUILDS_ON]-(x) RETURN m, r, x, m.name AS name LIMIT $n',
          params: { id: 'method:knowledge-distillation', n: 3 },
        },
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
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: {
          query:
            "RETURN 42 AS n, 9007199254740993 AS big, date('2024-03-13') AS d, datetime('2024-03-13T10:00:00Z') AS dt, duration('P1DT2H') AS dur, point({x: 1, y: 2}) AS pt, [1, 2] AS list, {a: 1} AS map",
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

    it("should answer 400 with Neo4j's reason for a syntax error, without a stack trace", async () => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'MATCH (n RETURN n' } });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('cypher_error');
      expect(body.error.message).toContain('POST /api/cypher');
      expect(res.body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    });

    it('should answer 400 for a missing query, a non-object params and invalid JSON', async () => {
      const missing = await ctx.app.inject({ method: 'POST', url: '/api/cypher', payload: {} });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.message).toContain('"query"');
      const params = await ctx.app.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'RETURN 1', params: [1] } });
      expect(params.statusCode).toBe(400);
      expect(params.json().error.message).toContain('"params"');
      const json = await ctx.app.inject({
        method: 'POST',
        url: '/api/cypher',
        headers: { 'content-type': 'application/json' },
        payload: '{"query": ',
      });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.code).toBe('invalid_parameter');
    });
  });

  describe('contract', () => {
    it('should list the saved queries in the shape of QueriesResponse and run every one in the shape of SavedQueryRunResponse', async () => {
      const { body } = await get('/api/queries');
      expectShape(QueriesResponse, body);
      for (const { name } of QueriesResponse.parse(body).queries) {
        const res = await ctx.app.inject({ method: 'POST', url: `/api/queries/${name}`, payload: {} });
        expect(res.statusCode, name).toBe(200);
        expectShape(SavedQueryRunResponse, res.json());
      }
    });

    it('should answer ad-hoc Cypher in the shape of CypherResponse, bookkeeping nodes kept to the table', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: { query: 'MATCH (r:IngestRun) RETURN r, r.id AS id LIMIT 1' },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expectShape(CypherResponse, body);
      expect(body.table.rows).toHaveLength(1);
      expect(body.graph.nodes).toEqual([]);
    });

    it('should answer a refused write in the shape of ErrorResponse', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: { query: 'CREATE (n:Method {id: "method:x"}) RETURN n' },
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expectShape(ErrorResponse, res.json());
    });
  });
});
