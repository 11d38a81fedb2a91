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

/** Keys every map is written with in sorted order, so digests do not depend on the order Neo4j returns them in. */
function sorted(value: unknown): unknown {
  if (typeof value === 'bigint') return String(value);
  if (value && typeof value === 'object' && 'low' in value && 'high' in value) return String(value);
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * Counts and a digest of the graph. Ingest-run records are left out, and so are the `runs` and
 * `runKeys` bookkeeping properties unless `withRuns` (a second identical run records itself), and the
 * overview's derived data (the GraphSummary node and each node's importance, descendants, community
 * and overview rank): it is recomputed from the graph after every change and checked on its own by
 * test/neo4j/importance.test.ts.
 */
export async function snapshot(db: Database, options: { withRuns?: boolean } = {}): Promise<Snapshot> {
  const strip = options.withRuns ? '' : ' {.*, runs: null, runKeys: null}';
  const derived = 'importance: null, descendants: null, community: null, overviewRank: null';
  const stripNode = options.withRuns ? ` {.*, ${derived}}` : ` {.*, runs: null, runKeys: null, ${derived}}`;
  const labels: Record<string, number> = {};
  for (const r of await rows(
    db,
    'MATCH (n) WHERE NOT n:IngestRun AND NOT n:GraphSummary UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
  ))
    labels[r.label as string] = Number(r.n);
  const types: Record<string, number> = {};
  for (const r of await rows(db, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type'))
    types[r.type as string] = Number(r.n);
  const nodes = await rows(
    db,
    `MATCH (n) WHERE NOT n:IngestRun AND NOT n:GraphSummary RETURN n.id AS id, labels(n) AS labels, n${stripNode} AS p ORDER BY id`,
  );
  const rels = await rows(db, `MATCH (a)-[r]->(b) RETURN r.id AS id, a.id AS a, b.id AS b, r${strip} AS p ORDER BY id`);
  const digest = createHash('sha256')
    .update(JSON.stringify(sorted([nodes, rels])))
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
