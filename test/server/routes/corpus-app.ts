// The set-up every route test shares: the app over the test Neo4j loaded with the default corpus,
// requests through fastify's inject, and the checks of the graph wire format.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../../src/neo4j/driver.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type WireGraph, type WireNode } from '../../../src/shared/graph.js';
import { corpusDatabase, testApp } from '../helpers.js';

export interface CorpusApp {
  db: Database;
  app: FastifyInstance;
}

export type Body = Record<string, unknown> & { error?: { code: string; message: string } };

/** Loading the default corpus takes seconds on a quiet machine, minutes on a shared and busy one. */
const CORPUS_LOAD_TIMEOUT_MS = 600_000;

/** Loads the default corpus and builds the app before the file's tests, closes both after them. */
export function useCorpusApp(): CorpusApp {
  const ctx = {} as CorpusApp;
  beforeAll(async () => {
    ctx.db = await corpusDatabase();
    ctx.app = await testApp(ctx.db);
  }, CORPUS_LOAD_TIMEOUT_MS);
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.db?.close();
  });
  return ctx;
}

export async function getFrom(app: FastifyInstance, url: string) {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Body, headers: res.headers };
}

export function expectWireGraph(graph: WireGraph) {
  const ids = new Set(graph.nodes.map((n) => n.id));
  expect(ids.size).toBe(graph.nodes.length);
  for (const node of graph.nodes) {
    // A cluster (the overview's stand-in for a community) is the one label no stored node has.
    if (node.label === 'Cluster') expect(node.id).toMatch(/^cluster:\d+$/);
    else expect(NODE_LABELS).toContain(node.label);
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

/** The id of the best search hit of a label, found through the API itself. */
export async function searchIdIn(app: FastifyInstance, q: string, label: string): Promise<string> {
  const { status, body } = await getFrom(app, `/api/search?q=${encodeURIComponent(q)}&labels=${label}&limit=1`);
  if (status !== 200) throw new Error(`test: searching ${label} "${q}" answered ${status}: ${body.error?.message ?? ''}`);
  const hit = (body.results as { node: WireNode }[])[0];
  if (!hit) throw new Error(`test: no ${label} found for "${q}"`);
  return hit.node.id;
}

/** The body parses with the endpoint's response schema from src/shared/api/ (the issues are the failure message). */
export function expectShape(schema: z.ZodType, body: unknown): void {
  const result = schema.safeParse(body);
  expect(result.success ? [] : result.error.issues).toEqual([]);
}
