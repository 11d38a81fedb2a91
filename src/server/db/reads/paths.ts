// GET /api/path: shortest paths between two nodes over given relationship types.
import { type Path } from 'neo4j-driver';
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { GraphCollector, leanGraph, nodeId, toWireEdge } from '../../convert.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../../shared/graph.js';
import type { PathResponse } from '../../../shared/api/graph.js';
import { int, locate } from './locate.js';

const PATH_QUERIES = new Map<string, string>();

/**
 * The hop limit and relationship types of a variable-length pattern cannot be parameters: the hop
 * limit is a validated integer and the types come from the whitelist, so the shortest-path search
 * expands only the asked types instead of filtering whole paths afterwards.
 */
function pathQuery(maxHops: number, types: readonly RelationshipType[]): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 15)
    throw new Error(`src/server/db/reads: max hops must be an integer 1-15, got ${maxHops}`);
  const typed = RELATIONSHIP_TYPES.filter((t) => types.includes(t));
  if (typed.length === 0) throw new Error('src/server/db/reads: a path needs at least one relationship type');
  const key = `${maxHops}:${typed.join('|')}`;
  let query = PATH_QUERIES.get(key);
  if (!query) {
    query = `MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = allShortestPaths((a)-[:${typed.join('|')}*..${maxHops}]-(b))
RETURN p LIMIT $limit`;
    PATH_QUERIES.set(key, query);
  }
  return query;
}

/** The answer of GET /api/path but the echo of its parameters. */
export type PathResult = Omit<PathResponse, 'max' | 'types'>;

export async function shortestPaths(
  db: Database,
  from: string,
  to: string,
  options: { types: readonly RelationshipType[]; maxHops: number; limit: number },
  timeoutMs?: number,
): Promise<PathResult | { missing: 'from' | 'to' }> {
  return readTx(
    db,
    async (tx) => {
      const a = await locate(tx, from);
      if (!a) return { missing: 'from' as const };
      const b = await locate(tx, to);
      if (!b) return { missing: 'to' as const };
      const result = await tx.run(pathQuery(options.maxHops, options.types), { from: a.eid, to: b.eid, limit: int(options.limit) });
      const collector = new GraphCollector();
      const paths: PathResult['paths'] = [];
      for (const record of result.records) {
        const path = record.get('p') as Path;
        collector.add(path);
        const idOf = new Map<string, string>([[path.start.elementId, nodeId(path.start)]]);
        for (const segment of path.segments) {
          idOf.set(segment.start.elementId, nodeId(segment.start));
          idOf.set(segment.end.elementId, nodeId(segment.end));
        }
        paths.push({
          nodes: [nodeId(path.start), ...path.segments.map((s) => nodeId(s.end))],
          edges: path.segments.map((s) => {
            const rel = s.relationship;
            return toWireEdge(rel, idOf.get(rel.startNodeElementId)!, idOf.get(rel.endNodeElementId)!).id;
          }),
        });
      }
      const graph = leanGraph(collector.graph());
      return { from, to, found: paths.length > 0, length: paths[0] ? paths[0].nodes.length - 1 : null, paths, graph };
    },
    timeoutMs,
  );
}
