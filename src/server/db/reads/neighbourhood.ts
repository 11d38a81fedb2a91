// GET /api/neighbourhood/:id: the nodes within a depth of a node, capped, with what was left out.
import { type ManagedTransaction, type Node } from 'neo4j-driver';
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { GraphCollector, nodeId, toPlain } from '../../convert.js';
import { type NodeLabel, type RelationshipType } from '../../../shared/graph.js';
import type { NeighbourhoodResponse } from '../../../shared/api/graph.js';
import { int, MATCH_NODE_BY_ID } from './locate.js';
import { FIRST_LEVEL, expand, ordered, pick, subgraph } from './expansion.js';

/**
 * Depth 1 in one round trip: the neighbours, best connected first, capped, and the edges among
 * them and the centre. One row per chosen node (the centre first).
 */
const DEPTH_ONE = `${MATCH_NODE_BY_ID}
WITH n AS c
CALL (c) {
  OPTIONAL MATCH (c)-[r]-(m)
  WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels) AND m <> c
  WITH DISTINCT m WHERE m IS NOT NULL
  WITH m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, m.id
  RETURN collect(m) AS found
}
WITH [c] + found[0..$limit - 1] AS chosen, size(found) + 1 AS reached
UNWIND chosen AS n
OPTIONAL MATCH (n)-[r]->(o) WHERE type(r) IN $types AND o IN chosen
RETURN n, collect(r) AS rels, reached`;

async function neighbourhoodDepthOne(
  tx: ManagedTransaction,
  id: string,
  options: { labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number },
): Promise<NeighbourhoodResponse | undefined> {
  const { records } = await tx.run(DEPTH_ONE, { id, types: options.types, labels: options.labels, limit: int(options.limit) });
  if (records.length === 0) return undefined;
  const collector = new GraphCollector();
  const order: string[] = [];
  const idByEid = new Map<string, string>();
  for (const record of records) {
    const node = record.get('n') as Node;
    order.push(node.elementId);
    idByEid.set(node.elementId, nodeId(node));
    collector.add(node);
    collector.add(record.get('rels'));
  }
  const reached = toPlain(records[0]!.get('reached')) as number;
  return {
    center: id,
    depth: 1,
    graph: ordered(collector.graph(), order, idByEid),
    reached,
    truncated: records.length < reached,
    omitted: reached - records.length,
    exploredPartially: false,
  };
}

export async function neighbourhood(
  db: Database,
  id: string,
  options: { depth: number; labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number },
  timeoutMs?: number,
): Promise<NeighbourhoodResponse | undefined> {
  return readTx(
    db,
    async (tx) => {
      if (options.depth === 1) return neighbourhoodDepthOne(tx, id, options);
      const params = { types: options.types, labels: options.labels };
      const first = (await tx.run(FIRST_LEVEL, { ...params, id })).records;
      if (first.length === 0) return undefined;
      const start = first[0]!.get('start') as string;
      const { reached, partial } = await expand(tx, start, { depth: options.depth, direction: 'both', ...params }, first);
      const eids = pick(reached, options.limit);
      const graph = await subgraph(tx, eids, options.types);
      return {
        center: id,
        depth: options.depth,
        graph,
        reached: reached.size,
        truncated: eids.length < reached.size,
        omitted: reached.size - eids.length,
        exploredPartially: partial,
      };
    },
    timeoutMs,
  );
}
