// GET /api/neighbourhood/:id: the nodes within a depth of a node, capped, with what was left out.
// Exploration is bounded: each node contributes at most PER_NODE neighbours and a level stops at
// EXPLORE_LEVEL nodes, so a hub with tens of thousands of links answers as fast as a leaf; the count
// of the centre's own neighbours comes from the degree store, deeper counts are lower bounds.
import { type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { toPlain } from '../../convert.js';
import { RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../../shared/graph.js';
import type { NeighbourhoodResponse } from '../../../shared/api/graph.js';
import { int, MATCH_NODE_BY_ID } from './locate.js';
import { subgraph } from './expansion.js';

/** Most neighbours one node contributes to the next level. */
export const PER_NODE = 200;
/** Most nodes one level explores. */
export const EXPLORE_LEVEL = 2000;

/** The centre's links of the asked types, from the degree store (labels spliced from the whitelist). */
const LINK_COUNT = RELATIONSHIP_TYPES.map((t) => `CASE WHEN '${t}' IN $types THEN COUNT { (c)-[:${t}]-() } ELSE 0 END`).join(' + ');

/**
 * The centre, how many of its neighbours were found (at most $explore), and the first $keep of them,
 * the best connected first (stored degree): all of them when a deeper level starts from them, else
 * only those the answer can hold, so a hub's 2,000 candidates are ranked in Neo4j, not sent.
 */
const FIRST = `${MATCH_NODE_BY_ID}
WITH n AS c
CALL (c) {
  OPTIONAL MATCH (c)-[r]-(m)
  WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels) AND m <> c
  WITH DISTINCT m WHERE m IS NOT NULL
  WITH m LIMIT $explore
  WITH elementId(m) AS eid, coalesce(m.degree, 0) AS degree ORDER BY degree DESC, eid
  RETURN count(*) AS total, collect({eid: eid, degree: degree})[..$keep] AS found
}
RETURN elementId(c) AS start, ${LINK_COUNT} AS links, total, found`;

/** The next level from a frontier, at most $perNode neighbours per node and $max in all. */
const NEXT = `UNWIND $frontier AS eid
MATCH (n) WHERE elementId(n) = eid
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels)
  RETURN DISTINCT m LIMIT $perNode
}
WITH DISTINCT m LIMIT $max
RETURN elementId(m) AS eid, coalesce(m.degree, 0) AS degree`;

interface Found {
  eid: string;
  degree: number;
}

/** As FIRST orders: the best connected first, then by element id (code-point order, as Cypher compares strings). */
const byDegree = (a: Found, b: Found) => b.degree - a.degree || (a.eid < b.eid ? -1 : a.eid > b.eid ? 1 : 0);

async function explore(
  tx: ManagedTransaction,
  id: string,
  options: { depth: number; labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number },
): Promise<{ chosen: string[]; reached: number; partial: boolean } | undefined> {
  const params = { types: options.types, labels: options.labels };
  const keep = options.depth > 1 ? EXPLORE_LEVEL : Math.max(0, options.limit - 1);
  const { records } = await tx.run(FIRST, { ...params, id, explore: int(EXPLORE_LEVEL), keep: int(keep) });
  if (records.length === 0) return undefined;
  const start = records[0]!.get('start') as string;
  const links = toPlain(records[0]!.get('links')) as number;
  const total = toPlain(records[0]!.get('total')) as number;
  const first = toPlain(records[0]!.get('found')) as unknown as Found[];
  const seen = new Set([start, ...first.map((f) => f.eid)]);
  const chosen = [start, ...first.slice(0, options.limit - 1).map((f) => f.eid)];
  // Every first-level node was seen unless the level was capped; links counts parallel links too.
  let partial = total >= EXPLORE_LEVEL;
  let reached = 1 + (partial ? Math.max(total, links) : total);
  let frontier = first.map((f) => f.eid);
  for (let depth = 2; depth <= options.depth && frontier.length > 0; depth++) {
    if (chosen.length >= options.limit) {
      // The cap is full: deeper levels are not explored, so their size is unknown.
      partial = true;
      break;
    }
    const result = await tx.run(NEXT, {
      ...params,
      frontier: frontier.slice(0, EXPLORE_LEVEL),
      perNode: int(PER_NODE),
      max: int(EXPLORE_LEVEL),
    });
    if (frontier.length > EXPLORE_LEVEL || result.records.length >= EXPLORE_LEVEL) partial = true;
    const level: Found[] = [];
    for (const record of result.records) {
      const eid = record.get('eid') as string;
      if (seen.has(eid)) continue;
      seen.add(eid);
      level.push({ eid, degree: toPlain(record.get('degree')) as number });
    }
    level.sort(byDegree);
    reached += level.length;
    chosen.push(...level.slice(0, options.limit - chosen.length).map((f) => f.eid));
    frontier = level.map((f) => f.eid);
  }
  return { chosen, reached, partial };
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
      const found = await explore(tx, id, options);
      if (!found) return undefined;
      const graph = await subgraph(tx, found.chosen, options.types);
      return {
        center: id,
        depth: options.depth,
        graph,
        reached: found.reached,
        truncated: found.chosen.length < found.reached,
        omitted: found.reached - found.chosen.length,
        exploredPartially: found.partial,
      };
    },
    timeoutMs,
  );
}
