// The curation endpoints against the real Neo4j: the write token (none, wrong, Bearer or header), a
// refused non-loopback server, bad bodies, unknown ids and Cypher-shaped notes leave the graph as it
// was; accept, reject, change of kind, retarget and add change what every read returns.
import type { FastifyInstance } from 'fastify';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { resolveWriteAccess } from '../../src/server/curation/token.js';
import { corpusDatabase, graphCounts, testApp } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';
let db: Database;
let app: FastifyInstance;

interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

const curate = (payload: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  app.inject({ method: 'POST', url: '/api/curation', headers, payload: payload as object });

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = db.session('READ');
  try {
    const result = await session.run(query, params);
    return result.records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

/** Entity nodes and their relationships: what a refused or harmless request must leave as it was. */
const graphOnly = () =>
  rows<{ nodes: number; rels: number }>(
    'MATCH (n) WHERE NOT n:Curation WITH count(n) AS nodes RETURN nodes, COUNT { ()-[]->() } AS rels',
  ).then(([r]) => ({ nodes: Number(r!.nodes), rels: Number(r!.rels) }));

/** An extracted BUILDS_ON link between two methods or architectures (the n-th, by id). */
async function extractedLink(n: number): Promise<{ from: string; to: string; kind: string }> {
  const found = await rows<{ from: string; to: string; kind: string }>(
    `MATCH (a:Method|Architecture)-[r:BUILDS_ON]->(b:Method|Architecture)
     WHERE r.source = 'extraction' AND r.kind IS NOT NULL AND COUNT { (a)-[:BUILDS_ON]->(b) } = 1
     RETURN a.id AS from, b.id AS to, r.kind AS kind ORDER BY r.id SKIP $n LIMIT 1`,
    { n: neo4j.int(n) },
  );
  if (!found[0]) throw new Error(`test/server/curation: the default corpus has no extracted BUILDS_ON link number ${n}`);
  return found[0];
}

const lineageEdges = async (id: string): Promise<Edge[]> =>
  (await app.inject({ method: 'GET', url: `/api/lineage/${encodeURIComponent(id)}?direction=ancestors&depth=1` })).json().graph.edges;

const between = (edges: Edge[], from: string, to: string) =>
  edges.filter((e) => e.source === from && e.target === to && e.type === 'BUILDS_ON');

beforeAll(async () => {
  db = await corpusDatabase();
  app = await testApp(db, { writeAccess: { token: TOKEN, source: 'environment' }, queryTimeoutMs: 60_000 });
  // Loading the corpus on a busy machine can take minutes.
}, 900_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('server/routes/curation', { timeout: 600_000 }, () => {
  describe('#write guard', () => {
    it('should answer 401 without a token and with a wrong one, and change nothing', async () => {
      const link = await extractedLink(0);
      const before = await graphCounts(db);
      const none = await curate({ action: 'reject', from: link.from, to: link.to }, {});
      expect(none.statusCode).toBe(401);
      expect(none.json().error.code).toBe('unauthorized');
      expect(none.json().error.message).toMatch(/write token/);
      const wrong = await curate({ action: 'reject', from: link.from, to: link.to }, { authorization: 'Bearer not-the-token-at-all' });
      expect(wrong.statusCode).toBe(401);
      const wrongHeader = await curate({ action: 'reject', from: link.from, to: link.to }, { 'x-methodgraph-token': `${TOKEN}x` });
      expect(wrongHeader.statusCode).toBe(401);
      expect(await graphCounts(db)).toEqual(before);
    });

    it('should refuse curation on a non-loopback HOST unless METHODGRAPH_TOKEN is set', async () => {
      const access = resolveWriteAccess({ host: '0.0.0.0', env: {} });
      expect('disabled' in access && access.disabled).toMatch(/METHODGRAPH_TOKEN/);
      const open = await testApp(db, { writeAccess: access });
      try {
        const before = await graphCounts(db);
        const link = await extractedLink(0);
        const res = await open.inject({
          method: 'POST',
          url: '/api/curation',
          headers: { authorization: `Bearer ${TOKEN}` },
          payload: { action: 'reject', from: link.from, to: link.to },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.message).toMatch(/HOST=0\.0\.0\.0.*METHODGRAPH_TOKEN/);
        expect(await graphCounts(db)).toEqual(before);
      } finally {
        await open.close();
      }
      const explicit = resolveWriteAccess({ host: '0.0.0.0', env: { METHODGRAPH_TOKEN: TOKEN } });
      expect(explicit).toEqual({ token: TOKEN, source: 'environment' });
    });

    it('should answer 400 naming the field for a bad body, and change nothing', async () => {
      const link = await extractedLink(0);
      const before = await graphCounts(db);
      const cases: [unknown, RegExp][] = [
        [{ action: 'delete', from: link.from, to: link.to }, /"action" must be one of: accept, reject, kind, retarget, add/],
        [{ action: 'kind', from: link.from, to: link.to, kind: 'improves' }, /"kind" must be one of: extends/],
        [{ action: 'add', from: link.from, to: link.to, kind: 'extends' }, /"note"/],
        [{ action: 'add', from: link.from, to: link.to, kind: 'extends', note: '   ' }, /"note" is required/],
        [{ action: 'reject', from: 'not an id', to: link.to }, /"from" must be a node id/],
        [{ action: 'reject', from: link.from, to: link.to, extra: 1 }, /unknown body field "extra"/],
        [{ action: 'reject', from: link.from, to: link.to, note: 'x'.repeat(2001) }, /"note" must be at most 2000 characters/],
      ];
      for (const [payload, message] of cases) {
        const res = await curate(payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().error.message).toMatch(message);
      }
      const notJson = await app.inject({
        method: 'POST',
        url: '/api/curation',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        payload: '{"action":',
      });
      expect(notJson.statusCode).toBe(400);
      expect(await graphCounts(db)).toEqual(before);
    });

    it('should answer 404 naming an unknown id or a missing link, and 400 for a wrong kind of node, changing nothing', async () => {
      const link = await extractedLink(0);
      const before = await graphCounts(db);
      const unknown = await curate({ action: 'reject', from: 'method:no-such-method', to: link.to });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.message).toMatch(/body field "from": no node with id "method:no-such-method"/);
      const target = await curate({ action: 'retarget', from: link.from, to: link.to, newTarget: 'architecture:nowhere' });
      expect(target.statusCode).toBe(404);
      expect(target.json().error.message).toMatch(/"newTarget": no node with id "architecture:nowhere"/);
      const noLink = await curate({ action: 'reject', from: link.to, to: link.from });
      expect(noLink.statusCode).toBe(404);
      expect(noLink.json().error.message).toMatch(/no BUILDS_ON link from/);
      const [paper] = await rows<{ id: string }>('MATCH (p:Paper) RETURN p.id AS id ORDER BY p.id LIMIT 1');
      const wrongLabel = await curate({ action: 'add', from: link.from, to: paper!.id, kind: 'extends', note: 'n' });
      expect(wrongLabel.statusCode).toBe(400);
      expect(wrongLabel.json().error.message).toMatch(/"to" is a Paper/);
      expect(await graphCounts(db)).toEqual(before);
    });

    it('should store a Cypher-shaped note as text and run nothing of it', async () => {
      const link = await extractedLink(1);
      const before = await graphOnly();
      const note = '\'}) MATCH (n) DETACH DELETE n // "; DROP CONSTRAINT entity_id; CALL db.clearQueryCaches() $x {{';
      const res = await curate({ action: 'accept', from: link.from, to: link.to, note });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().curation.note).toBe(note.trim());
      expect(await graphOnly()).toEqual(before);
      const history = (
        await app.inject({ method: 'GET', url: `/api/curation?from=${encodeURIComponent(link.from)}&to=${encodeURIComponent(link.to)}` })
      ).json();
      expect(history.curations.at(-1).note).toBe(note.trim());
      const unauthorised = await curate({ action: 'add', from: link.from, to: link.to, kind: 'extends', note }, {});
      expect(unauthorised.statusCode).toBe(401);
      expect(await graphOnly()).toEqual(before);
    });
  });

  describe('#curations', () => {
    it('should hide a rejected link from lineage, node details, overview and paths, show it to rejected-links, and bring it back on accept', async () => {
      const link = await extractedLink(2);
      const res = await curate({ action: 'reject', from: link.from, to: link.to, note: 'not what the paper says', who: 'Ada' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().edges.every((e: Edge) => e.properties.curation === 'rejected')).toBe(true);
      expect(between(await lineageEdges(link.from), link.from, link.to)).toEqual([]);
      const details = (await app.inject({ method: 'GET', url: `/api/nodes/${encodeURIComponent(link.from)}` })).json();
      expect(between(details.graph.edges, link.from, link.to)).toEqual([]);
      const overview = (await app.inject({ method: 'GET', url: '/api/overview?limit=2000' })).json();
      expect(between(overview.graph.edges, link.from, link.to)).toEqual([]);
      const path = (
        await app.inject({
          method: 'GET',
          url: `/api/path?from=${encodeURIComponent(link.from)}&to=${encodeURIComponent(link.to)}&types=BUILDS_ON&max=1`,
        })
      ).json();
      expect(path.found).toBe(false);
      const rejected = (
        await app.inject({ method: 'POST', url: '/api/curation/rejected-links', payload: { ids: [link.from, link.to] } })
      ).json();
      expect(rejected.edges.length).toBeGreaterThan(0);
      expect(rejected.edges[0]).toMatchObject({
        type: 'BUILDS_ON',
        source: link.from,
        target: link.to,
        properties: { curation: 'rejected' },
      });
      // Given one end only (a view that no longer draws the other), the link comes with its other end.
      const touching = (await app.inject({ method: 'POST', url: '/api/curation/rejected-links', payload: { ids: [link.from] } })).json();
      expect(touching.edges.map((e: { target: string }) => e.target)).toContain(link.to);
      expect(touching.nodes.map((n: { id: string }) => n.id)).toContain(link.to);

      const accept = await curate({ action: 'accept', from: link.from, to: link.to });
      expect(accept.statusCode).toBe(201);
      const back = between(await lineageEdges(link.from), link.from, link.to);
      expect(back.length).toBeGreaterThan(0);
      expect(back[0]!.properties.curation).toBe('accepted');
      const history = (
        await app.inject({ method: 'GET', url: `/api/curation?from=${encodeURIComponent(link.from)}&to=${encodeURIComponent(link.to)}` })
      ).json();
      expect(history.curations.map((c: { action: string; who: string }) => `${c.action}:${c.who}`)).toEqual([
        'reject:Ada',
        'accept:anonymous',
      ]);
    });

    it('should change the kind and keep the extracted one', async () => {
      const link = await extractedLink(3);
      const kind = link.kind === 'variant' ? 'adapts' : 'variant';
      expect((await curate({ action: 'kind', from: link.from, to: link.to, kind })).statusCode).toBe(201);
      const [edge] = between(await lineageEdges(link.from), link.from, link.to);
      expect(edge!.properties).toMatchObject({ kind, extractedKind: link.kind, curation: 'kind-changed' });
    });

    it('should retarget a link: the old one hidden, the new one with the old evidence', async () => {
      const link = await extractedLink(4);
      const [other] = await rows<{ id: string }>(
        'MATCH (m:Method) WHERE NOT m.id IN [$from, $to] AND NOT (:Entity {id: $from})-[:BUILDS_ON]->(m) RETURN m.id AS id ORDER BY m.id LIMIT 1',
        link,
      );
      const [before] = between(await lineageEdges(link.from), link.from, link.to);
      const res = await curate({
        action: 'retarget',
        from: link.from,
        to: link.to,
        newTarget: other!.id,
        note: 'the paper means the other one',
      });
      expect(res.statusCode, res.body).toBe(201);
      const edges = await lineageEdges(link.from);
      expect(between(edges, link.from, link.to)).toEqual([]);
      const [moved] = between(edges, link.from, other!.id);
      expect(moved!.properties).toMatchObject({
        evidence: before!.properties.evidence,
        retargetedFrom: link.to,
        curation: 'added',
        kind: link.kind,
      });
    });

    it('should add a BUILDS_ON link with the note as its evidence', async () => {
      const [a, b] = await rows<{ id: string }>(
        'MATCH (a:Architecture), (b:Method) WHERE NOT (a)-[:BUILDS_ON]-(b) RETURN a.id AS id, b.id AS other ORDER BY a.id, b.id LIMIT 1',
      ).then(([r]) => [r!.id, (r as unknown as { other: string }).other]);
      const res = await curate({ action: 'add', from: a, to: b, kind: 'component', note: 'Section 3 uses it as a block.' });
      expect(res.statusCode, res.body).toBe(201);
      const [edge] = between(await lineageEdges(a!), a!, b!);
      expect(edge!.properties).toMatchObject({
        evidence: 'Section 3 uses it as a block.',
        kind: 'component',
        source: 'curation',
        curation: 'added',
      });
      const saved = (await app.inject({ method: 'POST', url: '/api/queries/curated-links', payload: {} })).json();
      expect(saved.table.rows.some((row: unknown[]) => JSON.stringify(row).includes(b!))).toBe(true);
    });
  });
});
