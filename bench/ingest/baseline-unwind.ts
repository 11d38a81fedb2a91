// Baseline: the same rows as the ingest's export written by one plain `UNWIND $rows ... CREATE`
// per batch (no extraction, no MERGE, no paper resolution) — the practical ceiling through Bolt.
import type { Database } from '../../src/neo4j/driver.js';
import { isNodeLabel, isRelationshipType, type NodeLabel, type Properties, type PropertyValue } from '../../src/shared/graph.js';
import { readWireGraph } from './wire.js';

export interface LoadRun {
  nodes: number;
  relationships: number;
  /** Whole load; nodesMs + relationshipsMs when the phases are separate. */
  ms: number;
  nodesMs: number;
  relationshipsMs: number;
  skipped: number;
}

type Scalar = string | number | boolean;

/** Neo4j property values: scalars and homogeneous scalar lists; anything else is dropped. */
export function storable(props: Properties): Record<string, Scalar | Scalar[]> {
  const out: Record<string, Scalar | Scalar[]> = {};
  for (const [key, value] of Object.entries(props)) {
    const v = value as PropertyValue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[key] = v as string[];
  }
  return out;
}

const createNodes = (label: NodeLabel) => `UNWIND $rows AS row CREATE (n:${label}) SET n = row`;
const createRels = (type: string, s: NodeLabel, t: NodeLabel) =>
  `UNWIND $rows AS row MATCH (a:${s} {id: row.s}) MATCH (b:${t} {id: row.t}) CREATE (a)-[r:${type}]->(b) SET r = row.p`;

async function write(db: Database, statement: string, rows: unknown[]): Promise<void> {
  const session = db.session('WRITE');
  try {
    await session.executeWrite((tx) => tx.run(statement, { rows }));
  } finally {
    await session.close();
  }
}

/** Streams the wire graph and writes it in batches of `batchSize` rows per statement and transaction. */
export async function plainUnwindLoad(db: Database, graphPath: string, batchSize: number): Promise<LoadRun> {
  const labels = new Map<string, NodeLabel>();
  const nodeBatches = new Map<NodeLabel, Record<string, unknown>[]>();
  const relBatches = new Map<string, { statement: string; rows: unknown[] }>();
  let nodes = 0;
  let relationships = 0;
  let skipped = 0;
  const started = performance.now();
  let nodesDone = 0;
  for await (const item of readWireGraph(graphPath)) {
    if (item.kind === 'node') {
      const { node } = item;
      if (!isNodeLabel(node.label)) {
        skipped++;
        continue;
      }
      labels.set(node.id, node.label);
      let batch = nodeBatches.get(node.label);
      if (!batch) nodeBatches.set(node.label, (batch = []));
      batch.push({ ...storable(node.properties), id: node.id, name: node.name });
      if (batch.length >= batchSize) {
        await write(db, createNodes(node.label), batch.splice(0));
      }
      nodes++;
    } else {
      if (!nodesDone) {
        for (const [label, rows] of nodeBatches) if (rows.length) await write(db, createNodes(label), rows);
        nodeBatches.clear();
        nodesDone = performance.now();
      }
      const { edge } = item;
      const s = labels.get(edge.source);
      const t = labels.get(edge.target);
      if (!s || !t || !isRelationshipType(edge.type)) {
        skipped++;
        continue;
      }
      const key = `${edge.type}|${s}|${t}`;
      let batch = relBatches.get(key);
      if (!batch) relBatches.set(key, (batch = { statement: createRels(edge.type, s, t), rows: [] }));
      batch.rows.push({ s: edge.source, t: edge.target, p: { ...storable(edge.properties), id: edge.id } });
      if (batch.rows.length >= batchSize) await write(db, batch.statement, batch.rows.splice(0));
      relationships++;
    }
  }
  for (const [label, rows] of nodeBatches) if (rows.length) await write(db, createNodes(label), rows);
  nodesDone ||= performance.now();
  for (const batch of relBatches.values()) if (batch.rows.length) await write(db, batch.statement, batch.rows);
  const ended = performance.now();
  return { nodes, relationships, ms: ended - started, nodesMs: nodesDone - started, relationshipsMs: ended - nodesDone, skipped };
}
