// Integration tests of what buildApp adds around the routes, against the real Neo4j: the body limit,
// CORS only when configured, JSON 404s under /api and the explorer served with an index.html
// fallback. The routes themselves are tested per group in test/server/routes/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { openTestDatabase } from '../helpers/db.js';
import { testApp } from './helpers.js';

let db: Database;
let app: FastifyInstance;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await testApp(db);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('server/app', () => {
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
      const preflight = await corsApp.inject({
        method: 'OPTIONS',
        url: '/api/cypher',
        headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
      });
      expect(preflight.statusCode).toBe(204);
    } finally {
      await corsApp.close();
    }
  });

  it('should answer unknown API paths with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-endpoint' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
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
