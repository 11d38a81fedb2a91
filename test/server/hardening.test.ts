// No single request takes the API down: each hostile request a probe found is answered with a clear
// {error: {code, message}} and afterwards /api/health answers and the graph counts are unchanged.
// Against the real Neo4j, through the real HTTP stack where the behaviour depends on it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { corpusDatabase, graphCounts, testApp } from './helpers.js';

let db: Database;
let app: FastifyInstance;
let before: Awaited<ReturnType<typeof graphCounts>>;

const cypher = (query: string, params?: unknown) =>
  app.inject({ method: 'POST', url: '/api/cypher', payload: { query, ...(params ? { params } : {}) } });

/** Polls until the probe's value passes; the test fails by its own timeout otherwise. */
async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Transactions the API started (tagged in their metadata) that Neo4j still runs. */
async function apiTransactions(): Promise<string[]> {
  const session = db.session('READ');
  try {
    const result = await session.run(
      "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.app = 'methodgraph' RETURN transactionId",
    );
    return result.records.map((r) => r.get('transactionId') as string);
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  db = await corpusDatabase();
  app = await testApp(db, { byteCap: 256 * 1024 });
  before = await graphCounts(db);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function expectAlive(): Promise<void> {
  const health = await app.inject({ method: 'GET', url: '/api/health' });
  expect(health.statusCode).toBe(200);
  expect(await graphCounts(db)).toEqual(before);
}

describe('server/app hardening', () => {
  it('should refuse a result larger than the byte cap with 413 result_too_large', async () => {
    const res = await cypher('UNWIND range(1, 5000) AS i RETURN range(1, 100000) AS r');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('result_too_large');
    expect(res.json().error.message).toMatch(/larger than 262144 bytes/);
    await expectAlive();
  });

  it('should answer 504 by the deadline even when Neo4j cannot stop the expression in time', async () => {
    const impatient = await testApp(db, { queryTimeoutMs: 1_000 });
    try {
      const res = await impatient.inject({
        method: 'POST',
        url: '/api/cypher',
        // Neo4j cannot interrupt the reduce: it runs to its end, many times the deadline (about 7 CPU
        // seconds with C2 and 12 with C1 only, as the tests' Neo4j runs, on this 2-core machine).
        payload: { query: 'RETURN reduce(s = 0, i IN range(1, 200000000) | s + 1) AS s' },
      });
      expect(res.statusCode).toBe(504);
      expect(res.json().error.code).toBe('query_timeout');
    } finally {
      await impatient.close();
    }
    await expectAlive();
    await eventually(apiTransactions, (ids) => ids.length === 0);
  }, 120_000);

  it('should refuse brackets nested 3000 deep before Neo4j parses them, for many requests at once', async () => {
    const deep = (n: number) => `RETURN ${'('.repeat(3000)}${n}${')'.repeat(3000)} AS x`;
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => cypher(deep(i))));
    for (const res of answers) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('query_too_complex');
      expect(res.json().error.message).toMatch(/nested more than 64 deep/);
    }
    expect((await app.inject({ method: 'GET', url: '/api/search?q=mamba' })).statusCode).toBe(200);
    await expectAlive();
  });

  it.each([
    "CALL db.stats.retrieve('QUERIES')",
    "CALL db.stats.retrieve('QUERIES') YIELD data RETURN data",
    "CALL `db`.`stats`.`retrieve`('QUERIES')",
    'CALL db.stats.stop()',
    'CALL db.stats.clear()',
    "CALL db.stats.collect('QUERIES')",
    'CALL db.resampleOutdatedIndexes()',
    'CALL db.prepareForReplanning()',
    'MATCH (n) CALL db.stats.clear() RETURN count(n)',
    'SHOW SETTINGS',
    'SHOW DATABASES',
    'SHOW CURRENT USER',
  ])('should refuse %s with 403 write_refused', async (query) => {
    const res = await cypher(query);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('write_refused');
    expect(res.json().error.message).toMatch(/^POST \/api\/cypher: refused: /);
    await expectAlive();
  });

  it('should allow text that merely mentions a refused clause inside a string or comment', async () => {
    const res = await cypher("MATCH (p:Paper) WHERE p.abstract CONTAINS 'load csv' // call db.stats.clear()\nRETURN count(p) AS n");
    expect(res.statusCode, res.body).toBe(200);
    const schema = await cypher('CALL db.schema.nodeTypeProperties() YIELD nodeType RETURN nodeType LIMIT 3');
    expect(schema.statusCode, schema.body).toBe(200);
  });

  it('should refuse params nested 2500 deep with 400 naming the field', async () => {
    let nested: unknown = 1;
    for (let i = 0; i < 2500; i++) nested = [nested];
    const res = await cypher('RETURN $p AS p', { p: nested });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_parameter');
    expect(res.json().error.message).toMatch(/"params" nests objects and lists more than 32 deep/);
    await expectAlive();
  });

  it.each([
    ['"0x3"', '0x3'],
    ['" 3 "', ' 3 '],
    ['null', null],
    ['"1e2"', '1e2'],
    ['2.5', 2.5],
  ])('should refuse %s for an integer parameter of a saved query, naming the parameter', async (_label, value) => {
    const res = await app.inject({ method: 'POST', url: '/api/queries/most-built-upon', payload: { params: { limit: value } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_parameter');
    expect(res.json().error.message).toMatch(/parameter "limit" of saved query "most-built-upon"/);
  });

  it('should accept a saved-query integer as a number or a plain string of digits', async () => {
    for (const limit of [3, '3']) {
      const res = await app.inject({ method: 'POST', url: '/api/queries/most-built-upon', payload: { params: { limit } } });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('should answer 503 busy with Retry-After when more queries arrive than may run or wait', async () => {
    const narrow = await testApp(db, { queryTimeoutMs: 8_000, concurrentQueries: 1, queuedQueries: 0 });
    try {
      const slow = narrow.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: { query: 'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n' },
      });
      await eventually(apiTransactions, (ids) => ids.length > 0);
      const turnedAway = await narrow.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'RETURN 1 AS one' } });
      expect(turnedAway.statusCode).toBe(503);
      expect(turnedAway.json().error.code).toBe('busy');
      expect(Number(turnedAway.headers['retry-after'])).toBeGreaterThan(0);
      expect((await narrow.inject({ method: 'GET', url: '/api/search?q=mamba' })).statusCode).toBe(200);
      expect((await slow).statusCode).toBe(504);
    } finally {
      await narrow.close();
    }
    await eventually(apiTransactions, (ids) => ids.length === 0);
  }, 60_000);
});

describe('server/app over HTTP', () => {
  let base: string;
  let served: FastifyInstance;

  beforeAll(async () => {
    served = await testApp(db, { queryTimeoutMs: 30_000 });
    await served.listen({ host: '127.0.0.1', port: 0 });
    const address = served.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await served?.close();
  });

  it('should terminate the query in Neo4j when the client goes away', async () => {
    const controller = new AbortController();
    const request = fetch(`${base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n' }),
      signal: controller.signal,
    }).catch((err: Error) => err);
    await eventually(apiTransactions, (ids) => ids.length > 0);
    controller.abort();
    expect(await request).toBeInstanceOf(Error);
    await eventually(apiTransactions, (ids) => ids.length === 0);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  }, 60_000);

  it('should answer a URL over 16 KB with 431 in the error shape', async () => {
    const res = await fetch(`${base}/api/search?q=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('headers_too_large');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('should answer a path that is not valid percent-encoding with 400 in the error shape', async () => {
    const res = await fetch(`${base}/api/nodes/%ff`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(typeof body.error.code).toBe('string');
    expect(body.error.message).toMatch(/^GET /);
  });

  it('should refuse a Host header naming another site (DNS rebinding) and accept localhost and IPs', async () => {
    const evil = await served.inject({ method: 'GET', url: '/api/health', headers: { host: 'evil.example:5173' } });
    expect(evil.statusCode).toBe(421);
    expect(evil.json().error.code).toBe('host_not_allowed');
    expect(evil.json().error.message).toMatch(/METHODGRAPH_ALLOWED_HOSTS/);
    for (const host of ['localhost:5173', '127.0.0.1:5173', '[::1]:5173']) {
      expect((await served.inject({ method: 'GET', url: '/api/health', headers: { host } })).statusCode).toBe(200);
    }
    const allowed = await testApp(db, { allowedHosts: ['graph.lab.example'] });
    try {
      expect((await allowed.inject({ method: 'GET', url: '/api/health', headers: { host: 'graph.lab.example' } })).statusCode).toBe(200);
    } finally {
      await allowed.close();
    }
  });

  it('should report a static file the server refuses as 403 forbidden in the error shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'methodgraph-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    const withStatic = await testApp(db, { staticDir: dir });
    try {
      const res = await withStatic.inject({ method: 'GET', url: '/assets/..%5c..%5cpackage.json' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect(res.json().error.message).not.toMatch(/request body/);
    } finally {
      await withStatic.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should send CSP with frame-ancestors and a Referrer-Policy', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).toMatch(/worker-src 'self' blob:/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
