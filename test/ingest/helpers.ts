// Graph snapshots for the ingest integration tests: counts by label and type, and a digest of
// every node's and relationship's properties, to prove a run changed nothing.
import { createHash } from 'node:crypto';
import type { Database } from '../../src/neo4j/driver.js';

export interface Snapshot {
  labels: Record<string, number>;
  types: Record<string, number>;
  digest: string;
}

async function rows(db: Database, query: string): Promise<Record<string, unknown>[]> {
  const session = db.session('READ');
  try {
    const result = await session.run(query);
    return result.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

export async function snapshot(db: Database): Promise<Snapshot> {
  const labels: Record<string, number> = {};
  for (const r of await rows(db, 'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label')) labels[r.label as string] = Number(r.n);
  const types: Record<string, number> = {};
  for (const r of await rows(db, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type')) types[r.type as string] = Number(r.n);
  const nodes = await rows(db, 'MATCH (n) RETURN n.id AS id, properties(n) AS p ORDER BY id');
  const rels = await rows(db, 'MATCH (a)-[r]->(b) RETURN r.id AS id, a.id AS a, b.id AS b, properties(r) AS p ORDER BY id');
  const digest = createHash('sha256')
    .update(JSON.stringify([nodes, rels], (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v && typeof v === 'object' && 'low' in v && 'high' in v ? String(v) : v)))
    .digest('hex');
  return { labels, types, digest };
}

export async function scalar(db: Database, query: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const session = db.session('READ');
  try {
    const result = await session.run(query, params);
    const value = result.records[0]?.get(0);
    return value && typeof value === 'object' && 'toNumber' in value ? (value as { toNumber(): number }).toNumber() : value;
  } finally {
    await session.close();
  }
}
