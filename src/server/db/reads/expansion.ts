// Breadth-first expansion from a node over given types and labels, and the subgraph of what it reached.
import { type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { GraphCollector, leanGraph, leanNodeCypher, nodeFromLean, nodeId, toPlain } from '../../convert.js';
import { type WireGraph } from '../../../shared/graph.js';
import { int } from './locate.js';

/** Along links (out) or against them (in). */
export type Direction = 'out' | 'in';

const PATTERN: Record<Direction, string> = {
  out: '(n)-[r]->(m)',
  in: '(n)<-[r]-(m)',
};

/** Directions in the order of the walk's statement and its parameters. */
const DIRECTIONS: readonly Direction[] = ['out', 'in'];

/**
 * One level of every walk at once: each direction's frontier expanded over the given types and labels,
 * at most that direction's $max nodes. A direction with an empty frontier adds nothing.
 */
export const WALK_LEVEL = `CALL () {
${DIRECTIONS.map(
  (d) => `  UNWIND $frontier.${d} AS eid
  MATCH (n) WHERE elementId(n) = eid
  MATCH ${PATTERN[d]}
  WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels)
  RETURN DISTINCT '${d}' AS direction, elementId(m) AS eid, COUNT { (m)--() } AS degree
  LIMIT $max.${d}`,
).join('\n  UNION ALL\n')}
}
RETURN direction, eid, degree`;

/** A walk stops exploring a direction once it reached this many nodes that way. */
export const EXPLORE_CEILING = 20_000;

export interface Reached {
  depth: number;
  degree: number;
}

/**
 * Nodes reachable from `start` within `depth` hops over the given types and labels, by distance,
 * walking each direction apart (a node reached one way does not stop the other walk through it) and
 * all of them in one statement per level, so a lineage both ways costs as many round trips as one way.
 * A direction stops once it reaches EXPLORE_CEILING nodes.
 */
export async function walk(
  tx: ManagedTransaction,
  start: string,
  options: { depth: number; directions: readonly Direction[]; types: readonly string[]; labels: readonly string[] },
): Promise<Map<Direction, Map<string, Reached>>> {
  const walks = new Map(
    options.directions.map((d) => [
      d,
      { reached: new Map<string, Reached>([[start, { depth: 0, degree: Number.MAX_SAFE_INTEGER }]]), capped: false, frontier: [start] },
    ]),
  );
  for (let depth = 1; depth <= options.depth; depth++) {
    const going = [...walks].filter(([, w]) => w.frontier.length > 0 && !w.capped);
    if (going.length === 0) break;
    const frontier = Object.fromEntries(DIRECTIONS.map((d) => [d, [] as string[]]));
    // LIMIT stops Neo4j expanding a hub's whole neighbourhood once the ceiling is in sight.
    const room = new Map(going.map(([d, w]) => [d, EXPLORE_CEILING - w.reached.size]));
    const max = Object.fromEntries(DIRECTIONS.map((d) => [d, int(room.get(d) ?? 0)]));
    for (const [d, w] of going) frontier[d] = w.frontier;
    const result = await tx.run(WALK_LEVEL, { frontier, max, types: options.types, labels: options.labels });
    const found = new Map<Direction, number>();
    for (const [, w] of going) w.frontier = [];
    for (const record of result.records) {
      const d = record.get('direction') as Direction;
      const w = walks.get(d)!;
      found.set(d, (found.get(d) ?? 0) + 1);
      const eid = record.get('eid') as string;
      if (w.reached.has(eid)) continue;
      w.reached.set(eid, { depth, degree: toPlain(record.get('degree')) as number });
      w.frontier.push(eid);
    }
    for (const [d, w] of going) w.capped = (found.get(d) ?? 0) >= room.get(d)!;
  }
  return new Map([...walks].map(([d, w]) => [d, w.reached]));
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
