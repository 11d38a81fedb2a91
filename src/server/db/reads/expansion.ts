// Breadth-first expansion from a node over given types and labels, and the subgraph of what it reached.
import { type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { GraphCollector, leanGraph, leanNodeCypher, nodeFromLean, nodeId, toPlain } from '../../convert.js';
import { type WireGraph } from '../../../shared/graph.js';
import { int } from './locate.js';

export type Direction = 'out' | 'in' | 'both';

export const EXPAND: Record<Direction, string> = {
  out: '(n)-[r]->(m)',
  in: '(n)<-[r]-(m)',
  both: '(n)-[r]-(m)',
};
export const EXPAND_QUERY = Object.fromEntries(
  Object.entries(EXPAND).map(([direction, pattern]) => [
    direction,
    `UNWIND $frontier AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH ${pattern}
WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels)
RETURN DISTINCT elementId(m) AS eid, COUNT { (m)--() } AS degree
LIMIT $max`,
  ]),
) as Record<Direction, string>;

/** Stops exploring once this many nodes were reached (the answer then says "at least"). */
export const EXPLORE_CEILING = 20_000;

export interface Reached {
  depth: number;
  degree: number;
}

/** Nodes reachable from `start` within `depth` hops over the given types and labels, by distance. */
export async function expand(
  tx: ManagedTransaction,
  start: string,
  options: { depth: number; direction: Direction; types: readonly string[]; labels: readonly string[] },
): Promise<{ reached: Map<string, Reached>; partial: boolean }> {
  const reached = new Map<string, Reached>([[start, { depth: 0, degree: Number.MAX_SAFE_INTEGER }]]);
  let frontier = [start];
  let partial = false;
  for (let depth = 1; depth <= options.depth && frontier.length > 0 && !partial; depth++) {
    // LIMIT stops Neo4j expanding a hub's whole neighbourhood once the ceiling is in sight.
    const max = EXPLORE_CEILING - reached.size;
    const result = await tx.run(EXPAND_QUERY[options.direction], { frontier, types: options.types, labels: options.labels, max: int(max) });
    partial = result.records.length >= max;
    const next: string[] = [];
    for (const record of result.records) {
      const eid = record.get('eid') as string;
      if (reached.has(eid)) continue;
      reached.set(eid, { depth, degree: toPlain(record.get('degree')) as number });
      next.push(eid);
    }
    frontier = next;
  }
  return { reached, partial };
}

/** The closest nodes first, the best connected first among equals; `limit` includes the start. */
export function pick(reached: Map<string, Reached>, limit: number): string[] {
  return [...reached.entries()]
    .sort(([, a], [, b]) => a.depth - b.depth || b.degree - a.degree)
    .slice(0, limit)
    .map(([eid]) => eid);
}

export const SUBGRAPH = `UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
OPTIONAL MATCH (n)-[r]->(m) WHERE type(r) IN $types AND elementId(m) IN $eids
RETURN ${leanNodeCypher('n')} AS n, collect(r) AS rels`;

/** The nodes with the given element ids (in that order, without detail-only properties) and the edges of the given types among them. */
export async function subgraph(tx: ManagedTransaction, eids: string[], types: readonly string[]): Promise<WireGraph> {
  const result = await tx.run(SUBGRAPH, { eids, types });
  return collectNodesAndRels(result.records, eids);
}

/** The graph of rows holding a node `n` and its relationships `rels`, nodes in the order of `eids`, without detail-only properties. */
export function collectNodesAndRels(records: Neo4jRecord[], eids: string[]): WireGraph {
  const collector = new GraphCollector();
  const idByEid = new Map<string, string>();
  for (const record of records) {
    const node = nodeFromLean(record.get('n'));
    idByEid.set(node.elementId, nodeId(node));
    collector.add(node);
    collector.add(record.get('rels'));
  }
  return ordered(leanGraph(collector.graph()), eids, idByEid);
}

export function ordered(graph: WireGraph, eidsInOrder: string[], idByEid: Map<string, string>): WireGraph {
  const rank = new Map(eidsInOrder.map((eid, i) => [idByEid.get(eid) ?? eid, i]));
  graph.nodes.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  graph.edges.sort((a, b) => a.id.localeCompare(b.id));
  return graph;
}
