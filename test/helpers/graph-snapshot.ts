// A copy of the whole graph (every node with its labels and properties, every relationship with its
// type, ends and properties) written to a file and put back into an empty database: the default
// corpus is ingested once per test run and restored from its copy afterwards, in a fraction of the
// time an ingest takes (the extraction is deterministic, so the copy is what another ingest would give).
import { readFileSync, writeFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import type { Database } from '../../src/neo4j/driver.js';

type Value = unknown;

interface SnapshotNode {
  labels: string[];
  props: Record<string, Value>;
}

interface SnapshotRelationship {
  /** Indexes into `nodes`. */
  from: number;
  to: number;
  type: string;
  props: Record<string, Value>;
}

export interface GraphSnapshot {
  nodes: SnapshotNode[];
  relationships: SnapshotRelationship[];
}

const READ_NODES = 'MATCH (n) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props ORDER BY id(n)';
const READ_RELATIONSHIPS =
  'MATCH (a)-[r]->(b) RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS props ORDER BY id(r)';
const WRITE_NODES = 'UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props RETURN row.i AS i, elementId(n) AS eid';
const WRITE_RELATIONSHIPS = `UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:$(row.type)]->(b) SET r = row.props`;
const BATCH = 2000;

/** Driver values as JSON: integers tagged (JS numbers go back as floats), everything else as is. */
function encode(value: Value): Value {
  if (neo4j.isInt(value)) return { $int: value.toString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    throw new Error(`test/helpers/graph-snapshot: cannot copy a property of type ${value.constructor?.name ?? 'object'}`);
  }
  return value;
}

function decode(value: Value): Value {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') return neo4j.int((value as { $int: string }).$int);
  return value;
}

const mapProps = (props: Record<string, Value>, f: (v: Value) => Value) =>
  Object.fromEntries(Object.entries(props).map(([k, v]) => [k, f(v)]));

/** Reads the whole graph. */
export async function takeSnapshot(db: Database): Promise<GraphSnapshot> {
  const session = db.session('READ');
  try {
    const index = new Map<string, number>();
    const nodes = (await session.run(READ_NODES)).records.map((r, i) => {
      index.set(r.get('eid') as string, i);
      return { labels: r.get('labels') as string[], props: mapProps(r.get('props') as Record<string, Value>, encode) };
    });
    const relationships = (await session.run(READ_RELATIONSHIPS)).records.map((r) => ({
      from: index.get(r.get('from') as string)!,
      to: index.get(r.get('to') as string)!,
      type: r.get('type') as string,
      props: mapProps(r.get('props') as Record<string, Value>, encode),
    }));
    return { nodes, relationships };
  } finally {
    await session.close();
  }
}

/** Writes the snapshot into a database that holds no nodes (the schema applied), in the order it was read. */
export async function restoreSnapshot(db: Database, snapshot: GraphSnapshot): Promise<void> {
  const session = db.session('WRITE');
  try {
    const eids: string[] = [];
    for (let start = 0; start < snapshot.nodes.length; start += BATCH) {
      const rows = snapshot.nodes
        .slice(start, start + BATCH)
        .map((n, k) => ({ i: start + k, labels: n.labels, props: mapProps(n.props, decode) }));
      const written = await session.executeWrite((tx) => tx.run(WRITE_NODES, { rows }));
      for (const r of written.records) eids[Number(r.get('i'))] = r.get('eid') as string;
    }
    for (let start = 0; start < snapshot.relationships.length; start += BATCH) {
      const rows = snapshot.relationships
        .slice(start, start + BATCH)
        .map((r) => ({ from: eids[r.from], to: eids[r.to], type: r.type, props: mapProps(r.props, decode) }));
      await session.executeWrite((tx) => tx.run(WRITE_RELATIONSHIPS, { rows }));
    }
  } finally {
    await session.close();
  }
}

export function writeSnapshot(file: string, snapshot: GraphSnapshot): void {
  writeFileSync(file, JSON.stringify(snapshot));
}

export function readSnapshot(file: string): GraphSnapshot {
  return JSON.parse(readFileSync(file, 'utf8')) as GraphSnapshot;
}
