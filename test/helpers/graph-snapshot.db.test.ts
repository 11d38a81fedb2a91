// The copy of the graph the tests restore the default corpus from: every node, relationship, label
// and property comes back, with its Cypher type (INTEGER and FLOAT kept apart).
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { corpusDatabase } from '../server/helpers.js';
import { emptyDatabase } from './db.js';
import { restoreSnapshot, takeSnapshot } from './graph-snapshot.js';

let db: Database;

beforeAll(async () => {
  db = await corpusDatabase();
}, 600_000);

afterAll(async () => {
  await db?.close();
});

const typed = (v: unknown): unknown =>
  neo4j.isInt(v) ? { int: v.toString() } : typeof v === 'number' ? { float: v } : Array.isArray(v) ? v.map(typed) : v;
const entries = (props: Record<string, unknown>) =>
  Object.keys(props)
    .sort()
    .map((k) => [k, typed(props[k])]);

/** Every node and relationship as sorted text: labels or type, ends by id, properties with their types. */
async function graphText(): Promise<{ nodes: string[]; relationships: string[] }> {
  const session = db.session('READ');
  try {
    const nodes = (await session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props')).records.map((r) =>
      JSON.stringify([[...(r.get('labels') as string[])].sort(), entries(r.get('props') as Record<string, unknown>)]),
    );
    const relationships = (
      await session.run('MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props')
    ).records.map((r) => JSON.stringify([r.get('type'), r.get('a'), r.get('b'), entries(r.get('props') as Record<string, unknown>)]));
    return { nodes: nodes.sort(), relationships: relationships.sort() };
  } finally {
    await session.close();
  }
}

describe('test/helpers/graph-snapshot', () => {
  it('should put back exactly the default corpus it copied', async () => {
    const before = await graphText();
    expect(before.nodes.length).toBeGreaterThan(100);
    expect(before.relationships.length).toBeGreaterThan(100);
    const snapshot = JSON.parse(JSON.stringify(await takeSnapshot(db))) as Awaited<ReturnType<typeof takeSnapshot>>;
    await emptyDatabase(db);
    expect((await graphText()).nodes).toEqual([]);
    await restoreSnapshot(db, snapshot);
    expect(await graphText()).toEqual(before);
  });
});
