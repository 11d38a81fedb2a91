// Hostile Cypher cannot starve the other endpoints: 50 connections search (autocannon, loopback,
// a few seconds) while 10 expensive or hostile ad-hoc queries run; search sees no error at all and
// the hostile ones each get a clear answer (timeout, busy, too large, refused).
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { corpusDatabase, testApp } from './helpers.js';

let db: Database;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  db = await corpusDatabase();
  app = await testApp(db, { queryTimeoutMs: 4_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

const HOSTILE = [
  'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n',
  'UNWIND range(1, 5000) AS i RETURN range(1, 100000) AS r',
  'RETURN reduce(s = 0, i IN range(1, 100000000) | s + 1) AS s',
  `RETURN ${'('.repeat(3000)}1${')'.repeat(3000)} AS x`,
  "CALL db.stats.retrieve('QUERIES')",
  'MATCH (a), (b), (c) RETURN count(*) AS n',
  'UNWIND range(1, 50000000) AS i RETURN size(collect(toString(i))) AS n',
  'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n',
  'MATCH p = (a)-[*..6]-(b) RETURN count(p) AS n',
  "UNWIND range(1, 100000000) AS a WITH a WHERE toString(a) CONTAINS 'x' RETURN count(*) AS n",
];

describe('server/app under load', () => {
  it('should answer every search while 10 hostile Cypher requests run', async () => {
    const hostile = Promise.all(
      HOSTILE.map((query) =>
        fetch(`${base}/api/cypher`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } })),
      ),
    );
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      autocannon({ url: `${base}/api/search?q=mamba`, connections: 50, duration: 5, timeout: 60 }, (err, res) =>
        err ? reject(err) : resolve(res),
      );
    });
    const answers = await hostile;

    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result['2xx']).toBeGreaterThan(0);
    for (const answer of answers) {
      if (answer.status === 200) continue;
      expect([400, 403, 413, 503, 504]).toContain(answer.status);
      expect(answer.body.error?.message).toMatch(/^POST \/api\/cypher: /);
    }
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  }, 180_000);
});
