// The curation endpoints' reads: the labels of the nodes a curation names, whether the link exists,
// the link's relationships after a curation, and the rejected links among the nodes of a view.
import type { Node, Relationship } from 'neo4j-driver';
import type { Database } from '../../neo4j/driver.js';
import { readTx } from '../../neo4j/session.js';
import { linkSnapshotOf } from '../../neo4j/curation/store.js';
import { endLabel, REJECTED_TYPE } from '../../neo4j/curation/statements.js';
import { toWireEdge, toWireNode } from '../convert.js';
import type { NodeLabel, WireEdge, WireNode } from '../../shared/graph.js';
import { locate } from './reads/locate.js';

export interface Link {
  from: string;
  to: string;
  type: string;
}

/** The wire label of each named node that exists. */
export async function labelsOf(db: Database, ids: string[], timeoutMs?: number): Promise<Map<string, NodeLabel>> {
  return readTx(
    db,
    async (tx) => {
      const labels = new Map<string, NodeLabel>();
      for (const id of new Set(ids)) {
        const found = await locate(tx, id);
        if (found) labels.set(id, toWireNode(found.node).label);
      }
      return labels;
    },
    timeoutMs,
  );
}

/** Whether the link exists, shown or rejected. */
export async function linkExists(db: Database, link: Link, timeoutMs?: number): Promise<boolean> {
  return readTx(db, async (tx) => (await linkSnapshotOf(tx, link)) !== undefined, timeoutMs);
}

const LINK_EDGES = (a: string, b: string) => `MATCH (a:${a} {id: $from})-[r]->(b:${b} {id: $to})
WHERE type(r) = $type OR (type(r) = '${REJECTED_TYPE}' AND r.curatedType = $type)
RETURN r ORDER BY r.id`;

function edgesOf(records: { get(key: string): unknown }[], source: string, target: string): WireEdge[] {
  return records.map((r) => toWireEdge(r.get('r') as Relationship, source, target));
}

/** Every relationship of these links as stored now; rejected ones carry `curation: "rejected"`. */
export async function linkEdges(db: Database, links: Link[], timeoutMs?: number): Promise<WireEdge[]> {
  return readTx(
    db,
    async (tx) => {
      const edges: WireEdge[] = [];
      for (const link of links) {
        const result = await tx.run(LINK_EDGES(endLabel(link.from), endLabel(link.to)), link);
        edges.push(...edgesOf(result.records, link.from, link.to));
      }
      return edges;
    },
    timeoutMs,
  );
}

const REJECTED_TOUCHING = `MATCH (a)-[r:${REJECTED_TYPE}]->(b)
WHERE a.id IN $ids OR b.id IN $ids
RETURN a, r, b ORDER BY r.id LIMIT 5000`;

/** The rejected (and retargeted) links that touch nodes of a view, with both ends, for "show rejected". */
export async function rejectedLinks(db: Database, ids: string[], timeoutMs?: number): Promise<{ edges: WireEdge[]; nodes: WireNode[] }> {
  return readTx(
    db,
    async (tx) => {
      const result = await tx.run(REJECTED_TOUCHING, { ids });
      const nodes = new Map<string, WireNode>();
      const edges = result.records.map((r) => {
        const a = toWireNode(r.get('a') as Node);
        const b = toWireNode(r.get('b') as Node);
        nodes.set(a.id, a);
        nodes.set(b.id, b);
        return toWireEdge(r.get('r') as Relationship, a.id, b.id);
      });
      return { edges, nodes: [...nodes.values()] };
    },
    timeoutMs,
  );
}
