// Ad-hoc and saved Cypher never write: every kind of write is refused with a clear error and every
// count stays the same; slow queries time out; the row cap holds. Against the real Neo4j.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { readTx } from '../../src/neo4j/session.js';
import { corpusDatabase, graphCounts, testApp } from './helpers.js';

let db: Database;
let app: FastifyInstance;

async function schemaCounts(): Promise<{ indexes: number; constraints: number }> {
  const session = db.session('READ');
  try {
    const indexes = await session.run('SHOW INDEXES YIELD name RETURN count(*) AS n');
    const constraints = await session.run('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n');
    return { indexes: Number(indexes.records[0]!.get('n')), constraints: Number(constraints.records[0]!.get('n')) };
  } finally {
    await session.close();
  }
}

const WRITES: [string, string][] = [
  ['CREATE', "CREATE (n:Method {id: 'method:evil', name: 'Evil'}) RETURN n"],
  ['CREATE in lower case after a read', "match (m:Method) with m limit 1 create (m)-[:BUILDS_ON]->(:Method {id: 'method:evil'})"],
  ['CREATE after a comment', "// harmless\nCREATE (:Paper {id: 'paper:evil'})"],
  ['MERGE', "MERGE (n:Method {id: 'method:evil'}) RETURN n"],
  ['SET', 'MATCH (n:Method) SET n.hacked = true RETURN count(n)'],
  ['SET of labels', 'MATCH (n:Method) SET n:Hacked'],
  ['DELETE', 'MATCH ()-[r:BUILDS_ON]->() DELETE r'],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
  ['REMOVE', 'MATCH (n:Method) REMOVE n.name'],
  ['FOREACH with CREATE', "FOREACH (i IN range(1, 3) | CREATE (:Method {id: 'method:evil-' + toString(i)}))"],
  ['LOAD CSV (read only)', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
  ['LOAD CSV with CREATE', "LOAD CSV FROM 'https://example.com/x.csv' AS line CREATE (:Paper {id: line[0]})"],
  ['writing procedure db.createLabel', "CALL db.createLabel('Evil')"],
  ['writing procedure db.createProperty', "CALL db.createProperty('evil')"],
  ['DBMS procedure db.clearQueryCaches', 'CALL db.clearQueryCaches()'],
  ['CALL { ... } IN TRANSACTIONS that writes', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS'],
  ['CALL { ... } IN TRANSACTIONS that reads', 'CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n)'],
  ['CREATE INDEX', 'CREATE INDEX evil IF NOT EXISTS FOR (n:Method) ON (n.evil)'],
  ['CREATE FULLTEXT INDEX', 'CREATE FULLTEXT INDEX evil_text IF NOT EXISTS FOR (n:Method) ON EACH [n.evil]'],
  ['CREATE CONSTRAINT', 'CREATE CONSTRAINT evil IF NOT EXISTS FOR (n:Method) REQUIRE n.evil IS UNIQUE'],
  ['DROP CONSTRAINT', 'DROP CONSTRAINT method_id'],
  ['DROP INDEX', 'DROP INDEX node_text'],
  ['CREATE DATABASE', 'CREATE DATABASE evil'],
  ['TERMINATE TRANSACTIONS', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
  ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS'],
];

beforeAll(async () => {
  db = await corpusDatabase();
  app = await testApp(db, { rowCap: 10 });
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('server/db/readonly', () => {
  describe('#runReadOnly through POST /api/cypher', () => {
    it.each(WRITES)('should refuse %s and leave every count unchanged', async (_kind, query) => {
      const before = { ...(await graphCounts(db)), ...(await schemaCounts()) };
      const res = await app.inject({ method: 'POST', url: '/api/cypher', payload: { query } });
      expect(res.statusCode).toBe(403);
      const body = res.json();
      expect(body.error.code).toBe('write_refused');
      expect(body.error.message).toMatch(/^POST \/api\/cypher: refused: /);
      expect({ ...(await graphCounts(db)), ...(await schemaCounts()) }).toEqual(before);
    });

    it('should still allow read-only procedures and SHOW commands', async () => {
      const labels = await app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: { query: 'CALL db.labels() YIELD label RETURN label' },
      });
      expect(labels.statusCode).toBe(200);
      expect(labels.json().table.rows.length).toBeGreaterThan(0);
      const text = await app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: {
          query: "CALL db.index.fulltext.queryNodes('node_text', $q) YIELD node RETURN node.id AS id LIMIT 3",
          params: { q: 'distillation' },
        },
      });
      expect(text.statusCode).toBe(200);
      const show = await app.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'SHOW INDEXES YIELD name RETURN name' } });
      expect(show.statusCode).toBe(200);
    });

    it('should stop a slow query at the timeout with 504 query_timeout', async () => {
      const impatient = await testApp(db, { queryTimeoutMs: 1_000 });
      try {
        const res = await impatient.inject({
          method: 'POST',
          url: '/api/cypher',
          payload: { query: 'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n' },
        });
        expect(res.statusCode).toBe(504);
        expect(res.json().error.code).toBe('query_timeout');
        expect((await impatient.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      } finally {
        await impatient.close();
      }
    });

    it('should answer 400 query_too_large at once when a query outgrows the transaction memory', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: { query: 'UNWIND range(1, 50000000) AS i RETURN size(collect(toString(i))) AS n' },
      });
      expect([400, 504]).toContain(res.statusCode);
      expect(['query_too_large', 'query_timeout']).toContain(res.json().error.code);
    });

    it('should cap the rows and say so with capped: true', async () => {
      const capped = await app.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'UNWIND range(1, 1000) AS i RETURN i' } });
      expect(capped.statusCode).toBe(200);
      expect(capped.json().table.rows).toHaveLength(10);
      expect(capped.json().capped).toBe(true);
      expect(capped.json().rowCap).toBe(10);
      const exact = await app.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'UNWIND range(1, 10) AS i RETURN i' } });
      expect(exact.json().table.rows).toHaveLength(10);
      expect(exact.json().capped).toBe(false);
    });
  });

  describe('#readTx', () => {
    it('should have Neo4j itself reject a write inside a read transaction (the second guard)', async () => {
      const before = await graphCounts(db);
      await expect(readTx(db, (tx) => tx.run("CREATE (:Method {id: 'method:evil'})"))).rejects.toMatchObject({
        code: expect.stringMatching(/AccessMode|Forbidden/),
      });
      expect(await graphCounts(db)).toEqual(before);
    });
  });

  describe('saved queries', () => {
    it('should treat parameter values as values, never as Cypher', async () => {
      const before = await graphCounts(db);
      for (const value of ["x'}) DETACH DELETE n //", 'method:knowledge-distillation"}) SET n.x = 1 //', '$method', '`] CREATE (n) //']) {
        const res = await app.inject({ method: 'POST', url: '/api/queries/what-builds-on', payload: { params: { method: value } } });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().table.rows).toEqual([]);
      }
      expect(await graphCounts(db)).toEqual(before);
    });

    it('should refuse a saved query file that writes, and write nothing', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'methodgraph-cypher-'));
      writeFileSync(
        join(dir, 'sneaky.cypher'),
        '// title: Sneaky\n// description: Looks like a read.\n// @param id string method:knowledge-distillation\n// @columns m\nMATCH (m:Method {id: $id}) SET m.touched = true RETURN m\n',
      );
      writeFileSync(
        join(dir, 'bulk.cypher'),
        '// title: Bulk\n// description: Deletes in batches.\n// @columns n\nMATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS RETURN count(*) AS n\n',
      );
      const sneakyApp = await testApp(db, { cypherDir: dir });
      try {
        const before = await graphCounts(db);
        for (const name of ['sneaky', 'bulk']) {
          const res = await sneakyApp.inject({ method: 'POST', url: `/api/queries/${name}`, payload: {} });
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('write_refused');
          expect(res.json().error.message).toContain(`(${name})`);
        }
        expect(await graphCounts(db)).toEqual(before);
      } finally {
        await sneakyApp.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
