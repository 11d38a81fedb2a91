// Integration tests of GET /api/diff and the lineage-diff saved query against the real Neo4j loaded
// with the default corpus: CLIP and ALIGN share the Transformer and its parts; CLIP adds contrastive learning, ALIGN BERT.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { DiffResponse } from '../../src/shared/api/diff.js';
import type { WireGraph } from '../../src/shared/graph.js';
import { corpusDatabase, graphCounts, testApp } from './helpers.js';

const CLIP = 'architecture:clip';
const ALIGN = 'architecture:align';

let db: Database;
let app: FastifyInstance;

async function get(url: string) {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> & { error?: { code: string; message: string } } };
}

async function diff(query: string): Promise<DiffResponse> {
  const { status, body } = await get(`/api/diff?${query}`);
  expect(status, JSON.stringify(body.error)).toBe(200);
  return DiffResponse.parse(body);
}

async function lineageIds(id: string, depth: number): Promise<string[]> {
  const { body } = await get(`/api/lineage/${encodeURIComponent(id)}?direction=both&depth=${depth}`);
  return (body.graph as WireGraph).nodes.map((n) => n.id).sort();
}

beforeAll(async () => {
  db = await corpusDatabase();
  app = await testApp(db);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('server/routes/diff', () => {
  describe('GET /api/diff', () => {
    it('should merge two lineages and mark every node shared, only A or only B as the two lineages say', async () => {
      const body = await diff(`a=${CLIP}&b=${ALIGN}&depth=3`);
      const [lineageA, lineageB] = await Promise.all([lineageIds(CLIP, 3), lineageIds(ALIGN, 3)]);
      const sideIds = (...sides: string[]) =>
        Object.entries(body.sides.nodes)
          .filter(([, s]) => sides.includes(s))
          .map(([id]) => id)
          .sort();
      expect(sideIds('a', 'shared')).toEqual(lineageA);
      expect(sideIds('b', 'shared')).toEqual(lineageB);
      expect(sideIds('shared')).toEqual(lineageA.filter((id) => lineageB.includes(id)));
      expect(body.sides.nodes[CLIP]).toBe('a');
      expect(body.sides.nodes[ALIGN]).toBe('b');
      expect(body.graph.nodes.map((n) => n.id).sort()).toEqual([...new Set([...lineageA, ...lineageB])].sort());
      expect(body.counts.nodes.shared + body.counts.nodes.a + body.counts.nodes.b).toBe(body.graph.nodes.length);
      expect(body.counts.nodes.shared).toBeGreaterThanOrEqual(2);
      expect(body.counts.edges.shared + body.counts.edges.a + body.counts.edges.b).toBe(body.graph.edges.length);
    });

    it('should colour a link shared only when both lineages hold it, and carry its evidence', async () => {
      const body = await diff(`a=${CLIP}&b=${ALIGN}`);
      const sideOf = (id: string) => body.sides.nodes[id];
      for (const edge of body.graph.edges) {
        expect(edge.type).toBe('BUILDS_ON');
        expect(typeof edge.properties.evidence).toBe('string');
        const side = body.sides.edges[edge.id];
        if (side === 'shared') expect([sideOf(edge.source), sideOf(edge.target)]).toEqual(['shared', 'shared']);
        if (side === 'a') expect([sideOf(edge.source), sideOf(edge.target)]).not.toContain('b');
        if (side === 'b') expect([sideOf(edge.source), sideOf(edge.target)]).not.toContain('a');
      }
      expect(body.counts.edges.shared).toBeGreaterThan(0);
    });

    it('should list the ancestors both share and those each adds, nearest first, with years for the year axis', async () => {
      const body = await diff(`a=${CLIP}&b=${ALIGN}`);
      const ids = (list: { id: string }[]) => list.map((x) => x.id);
      expect(ids(body.ancestors.shared)).toEqual(expect.arrayContaining(['architecture:transformer', 'method:multi-head-attention']));
      expect(ids(body.ancestors.onlyA)).toContain('method:contrastive-learning');
      expect(ids(body.ancestors.onlyB)).toContain('architecture:bert');
      const transformer = body.ancestors.shared.find((x) => x.id === 'architecture:transformer')!;
      expect(transformer).toMatchObject({ name: 'Transformer', depthA: 1, depthB: 2 });
      expect(body.ancestors.onlyA.every((x) => x.depthA !== null && x.depthB === null)).toBe(true);
      const depths = body.ancestors.onlyB.map((x) => x.depthB!);
      expect(depths).toEqual([...depths].sort((x, y) => x - y));
      for (const n of body.graph.nodes) expect(n.properties).toHaveProperty('proposedBy');
    });

    it('should follow depth and cap the nodes like the lineage endpoint', async () => {
      const near = await diff(`a=${CLIP}&b=${ALIGN}&depth=1`);
      const far = await diff(`a=${CLIP}&b=${ALIGN}&depth=4`);
      expect(near.depth).toBe(1);
      expect(near.graph.nodes.length).toBeLessThan(far.graph.nodes.length);
      for (const x of [...near.ancestors.shared, ...near.ancestors.onlyA, ...near.ancestors.onlyB])
        expect(Math.max(x.depthA ?? 0, x.depthB ?? 0)).toBe(1);
      const capped = await diff(`a=${CLIP}&b=${ALIGN}&depth=4&limit=3`);
      expect(capped.truncated).toBe(true);
      expect(capped.omitted).toBeGreaterThan(0);
      expect(capped.graph.nodes.length).toBeLessThanOrEqual(6);
      expect(capped.graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([CLIP, ALIGN]));
    });

    it('should answer 400 naming the parameter for missing, equal, malformed or out-of-range input, and change nothing', async () => {
      const before = await graphCounts(db);
      const cases: [string, string][] = [
        [`a=${CLIP}`, 'query parameter "b" is required'],
        [`a=${CLIP}&b=${CLIP}`, 'query parameters "a" and "b" are the same node'],
        [`a=CLIP&b=${ALIGN}`, 'query parameter "a" must be a node id'],
        [`a=${CLIP}&b=${ALIGN}&depth=0`, 'query parameter "depth" must be a whole number from 1 to 10'],
        [`a=${CLIP}&b=${ALIGN}&depth=11`, 'query parameter "depth" must be a whole number from 1 to 10'],
        [`a=${CLIP}&b=${ALIGN}&limit=5000`, 'query parameter "limit" must be a whole number from 1 to 2000'],
        [`a=${CLIP}&b=${ALIGN}&deep=2`, 'unknown query parameter "deep"'],
        [`a=${CLIP}&b=${encodeURIComponent("architecture:x'}) DETACH DELETE n //")}`, 'no node with id'],
      ];
      for (const [query, message] of cases) {
        const { status, body } = await get(`/api/diff?${query}`);
        expect([400, 404], query).toContain(status);
        expect(body.error!.message, query).toContain(message);
        expect(body.error!.message, query).toMatch(/^GET \/api\/diff: /);
      }
      expect(await graphCounts(db)).toEqual(before);
    });

    it('should answer 400 for a paper and 404 for an unknown id, naming which of a and b', async () => {
      const paper = ((await get('/api/search?q=contrastive&labels=Paper&limit=1')).body.results as { node: { id: string } }[])[0]!.node.id;
      const wrong = await get(`/api/diff?a=${CLIP}&b=${encodeURIComponent(paper)}`);
      expect(wrong.status).toBe(400);
      expect(wrong.body.error!.message).toContain('query parameter "b" is a Paper');
      const missingA = await get(`/api/diff?a=method:nope&b=${ALIGN}`);
      expect(missingA.status).toBe(404);
      expect(missingA.body.error!.message).toContain('"method:nope" (query parameter "a")');
      const missingB = await get(`/api/diff?a=${CLIP}&b=architecture:nope`);
      expect(missingB.status).toBe(404);
      expect(missingB.body.error!.message).toContain('(query parameter "b")');
    });
  });

  describe('POST /api/queries/lineage-diff', () => {
    it('should list both lineages side by side, agreeing with GET /api/diff on what is shared', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/queries/lineage-diff', payload: { params: { a: CLIP, b: ALIGN } } });
      expect(res.statusCode).toBe(200);
      const table = res.json().table as { columns: string[]; rows: unknown[][] };
      expect(table.columns).toEqual(['side', 'relation', 'id', 'name', 'node']);
      const shared = table.rows
        .filter((r) => r[0] === 'shared')
        .map((r) => r[2] as string)
        .sort();
      const api = await diff(`a=${CLIP}&b=${ALIGN}&depth=3`);
      expect(shared).toEqual(
        Object.entries(api.sides.nodes)
          .filter(([, s]) => s === 'shared')
          .map(([id]) => id)
          .sort(),
      );
      expect(table.rows.find((r) => r[2] === CLIP)?.slice(0, 2)).toEqual(['only A', 'compared']);
    });
  });
});
