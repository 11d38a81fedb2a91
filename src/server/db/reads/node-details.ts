// GET /api/nodes/:id: a node, its relationship counts by type and its adjacent edges (links curation
// rejected left out).
import { type Node, type Relationship } from 'neo4j-driver';
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { GraphCollector, toPlain, toWireNode } from '../../convert.js';
import type { NodeResponse, RelationshipCount } from '../../../shared/api/graph.js';
import { int, MATCH_NODE_BY_ID } from './locate.js';
import { NodeRunsResponse } from '../../../shared/api/node-runs.js';

const NODE_DETAILS = `${MATCH_NODE_BY_ID}
CALL (n) {
  OPTIONAL MATCH (n)-[r]->() WHERE type(r) <> 'REJECTED'
  WITH type(r) AS type, count(r) AS count WHERE type IS NOT NULL
  RETURN collect({type: type, direction: 'out', count: count}) AS outgoing
}
CALL (n) {
  OPTIONAL MATCH (n)<-[r]-() WHERE type(r) <> 'REJECTED'
  WITH type(r) AS type, count(r) AS count WHERE type IS NOT NULL
  RETURN collect({type: type, direction: 'in', count: count}) AS incoming
}
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(m) WHERE type(r) <> 'REJECTED'
  WITH r, m ORDER BY type(r), coalesce(m.name, m.title, m.id)
  LIMIT $limit
  RETURN collect(r) AS rels, collect(m) AS others
}
RETURN n, outgoing + incoming AS counts, rels, others, COUNT { (n)-[r]-() WHERE type(r) <> 'REJECTED' } AS degree`;

/** The ingest runs recorded on the node, oldest first. $id. */
const NODE_RUNS = `${MATCH_NODE_BY_ID}
UNWIND coalesce(n.runs, []) AS runId
MATCH (r:IngestRun {id: runId})
RETURN r {.id, .files, .extractorVersion, .startedAt, .finishedAt} AS run
ORDER BY r.startedAt, r.id`;

export async function nodeDetails(db: Database, id: string, limit: number, timeoutMs?: number): Promise<NodeResponse | undefined> {
  return readTx(
    db,
    async (tx) => {
      const record = (await tx.run(NODE_DETAILS, { id, limit: int(limit) })).records[0];
      if (!record) return undefined;
      const collector = new GraphCollector();
      collector.add(record.get('n'));
      collector.add(record.get('others'));
      collector.add(record.get('rels'));
      const degree = toPlain(record.get('degree')) as number;
      const shown = (record.get('rels') as Relationship[]).length;
      const runs = (await tx.run(NODE_RUNS, { id })).records.map((r) => {
        const run = toPlain(r.get('run')) as Record<string, unknown>;
        return Object.fromEntries(Object.entries(run).filter(([, v]) => v !== null));
      });
      const counts = (toPlain(record.get('counts')) as unknown as RelationshipCount[]).sort(
        (a, b) => a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
      );
      return {
        node: toWireNode(record.get('n') as Node),
        counts,
        degree,
        graph: collector.graph(),
        truncated: shown < degree,
        omitted: degree - shown,
        runs: NodeRunsResponse.parse(runs),
      };
    },
    timeoutMs,
  );
}
