// GET /api/health against the real Neo4j loaded with the default corpus: version, counts, no credentials.
import { describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../../src/shared/api/common.js';
import { HealthResponse } from '../../../src/shared/api/health.js';
import { NODE_LABELS } from '../../../src/shared/graph.js';
import { expectShape, getFrom, useCorpusApp } from './corpus-app.js';

const ctx = useCorpusApp();
const get = (url: string) => getFrom(ctx.app, url);

describe('server/routes/health', () => {
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
      const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.body).not.toMatch(/password|credentials|bolt:\/\//i);
    });
  });

  describe('contract', () => {
    it('should answer in the shape of HealthResponse', async () => {
      const { status, body } = await get('/api/health');
      expect(status).toBe(200);
      expectShape(HealthResponse, body);
    });

    it('should answer an unknown endpoint in the shape of ErrorResponse', async () => {
      const { status, body } = await get('/api/no-such-endpoint');
      expect(status).toBe(404);
      expectShape(ErrorResponse, body);
    });
  });
});
