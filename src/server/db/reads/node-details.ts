// GET /api/nodes/:id: a node, its relationship counts by type and direction, and its adjacent edges,
// a capped number of each type and direction (links curation rejected left out).
import { type Node, type Relationship } from 'neo4j-driver';
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { GraphCollector, leanGraph, leanNodeCypher, nodeFromLean, toPlain, toWireNode } from '../../convert.js';
import type { NodeResponse, RelationshipCount } from '../../../shared/api/graph.js';
import { RELATIONSHIP_TYPES } from '../../../shared/graph.js';
import { int, MATCH_NODE_BY_ID } from './locate.js';
import { NodeRunsResponse } from '../../../shared/api/node-runs.js';

/** Per type and direction, from the degree store: constant time even for a hub (types from the whitelist). */
const COUNTS = `[${RELATIONSHIP_TYPES.flatMap((t) => [
  `{type: '${t}', direction: 'out', count: COUNT { (n)-[:${t}]->() }}`,
  `{type: '${t}', direction: 'in', count: COUNT { (n)<-[:${t}]-() }}`,
]).join(', ')}]`;

/**
 * Up to $perType of the node's links of each type and direction with the nodes at their other end,
 * taken in store order (a hub's links are never all read or sorted; the client sorts what it shows):
 * a hub's thousands of USES links cannot crowd out the one link it BUILDS_ON. Types are spliced from
 * the whitelist; rejected links are stored as REJECTED, which is not on it.
 */
const LINKS = RELATIONSHIP_TYPES.flatMap((t) => [
  `MATCH (n)-[r:${t}]->(m) RETURN r, m LIMIT $perType`,
  `MATCH (n)<-[r:${t}]-(m) RETURN r, m LIMIT $perType`,
]).join('\n    UNION ALL\n    ');

/** The ingest runs recorded on node `n`, oldest first, as a list (empty when none). */
const RUNS = `CALL (n) {
  UNWIND coalesce(n.runs, []) AS runId
  MATCH (r:IngestRun {id: runId})
  WITH r ORDER BY r.startedAt, r.id
  RETURN collect(r {.id, .files, .extractorVersion, .startedAt, .finishedAt}) AS runs
}`;

/**
 * The node, its link counts, its links (LINKS, at most $limit in all) with the nodes at their other
 * end (read without their detail-only properties), and its ingest runs, in one statement. Rejected
 * links are neither counted nor shown; the degree is the count store's minus them.
 */
const NODE_DETAILS = `${MATCH_NODE_BY_ID}
CALL (n) {
  CALL (n) {
    ${LINKS}
  }
  WITH r, m LIMIT $limit
  RETURN collect(r) AS rels, collect(${leanNodeCypher('m')}) AS others
}
${RUNS}
RETURN n, [c IN ${COUNTS} WHERE c.count > 0] AS counts, rels, others, runs,
  COUNT { (n)--() } - COUNT { (n)-[:REJECTED]-() } AS degree`;

export async function nodeDetails(
  db: Database,
  id: string,
  { limit, perType }: { limit: number; perType: number },
  timeoutMs?: number,
): Promise<NodeResponse | undefined> {
  return readTx(
    db,
    async (tx) => {
      const record = (await tx.run(NODE_DETAILS, { id, limit: int(limit), perType: int(perType) })).records[0];
      if (!record) return undefined;
      const collector = new GraphCollector();
      // The node itself last: it keeps its detail properties should it also be at the other end of a link.
      collector.addNodes((record.get('others') as unknown[]).map(nodeFromLean));
      collector.add(record.get('n'));
      collector.add(record.get('rels'));
      // Neighbours' abstracts and term lists stay out (the node's own are kept): GET /api/nodes/:id of a neighbour has them.
      const graph = leanGraph(collector.graph(), id);
      const degree = toPlain(record.get('degree')) as number;
      const shown = (record.get('rels') as Relationship[]).length;
      const runs = (toPlain(record.get('runs')) as Record<string, unknown>[]).map((run) =>
        Object.fromEntries(Object.entries(run).filter(([, v]) => v !== null)),
      );
      const counts = (toPlain(record.get('counts')) as unknown as RelationshipCount[]).sort(
        (a, b) => a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
      );
      return {
        node: toWireNode(record.get('n') as Node),
        counts,
        degree,
        graph,
        truncated: shown < degree,
        omitted: degree - shown,
        runs: NodeRunsResponse.parse(runs),
      };
    },
    timeoutMs,
  );
}
