// GET /api/communities/:community: a community's most important ideas (index seek on `community`),
// the edges among them, and their links to ideas outside them (the explorer draws those whose other
// end it already draws).
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import type { Relationship } from 'neo4j-driver';
import { leanEdge, toPlain, toWireEdge } from '../../convert.js';
import type { RelationshipType, WireEdge } from '../../../shared/graph.js';
import type { CommunityResponse } from '../../../shared/api/communities.js';
import { int } from './locate.js';
import { subgraph } from './expansion.js';

const MEMBERS = `MATCH (n:Entity) WHERE n.community = $community AND (n:Method OR n:Architecture OR n:Dataset)
WITH n ORDER BY n.importance DESC, n.id
WITH collect(elementId(n)) AS members
RETURN members[0..$limit] AS eids, size(members) AS total`;

/** The most links to ideas outside the members an answer carries (to the most important ideas first). */
export const COMMUNITY_LINKS_LIMIT = 300;

const LINKS = `UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH (n)-[r]-(m:Entity)
WHERE type(r) IN $types AND (m:Method OR m:Architecture OR m:Dataset) AND NOT elementId(m) IN $eids
WITH r, m ORDER BY m.importance DESC, m.id LIMIT $limit
RETURN r, startNode(r).id AS source, endNode(r).id AS target`;

export async function communityMembers(
  db: Database,
  community: number,
  options: { limit: number; types: readonly RelationshipType[] },
  timeoutMs?: number,
): Promise<CommunityResponse> {
  return readTx(
    db,
    async (tx) => {
      const row = (await tx.run(MEMBERS, { community: int(community), limit: int(options.limit) })).records[0]!;
      const eids = row.get('eids') as string[];
      const total = toPlain(row.get('total')) as number;
      const graph = await subgraph(tx, eids, options.types);
      const links: WireEdge[] = (await tx.run(LINKS, { eids, types: options.types, limit: int(COMMUNITY_LINKS_LIMIT) })).records.map((r) =>
        leanEdge(toWireEdge(r.get('r') as Relationship, r.get('source') as string, r.get('target') as string)),
      );
      return { community, graph, links, total, truncated: eids.length < total, omitted: total - eids.length };
    },
    timeoutMs,
  );
}
