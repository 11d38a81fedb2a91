// GET /api/communities/:community: a community's most important ideas (index seek on `community`)
// and the edges among them.
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { toPlain } from '../../convert.js';
import type { RelationshipType } from '../../../shared/graph.js';
import type { CommunityResponse } from '../../../shared/api/communities.js';
import { int } from './locate.js';
import { subgraph } from './expansion.js';

const MEMBERS = `MATCH (n:Entity) WHERE n.community = $community AND (n:Method OR n:Architecture OR n:Dataset)
WITH n ORDER BY n.importance DESC, n.id
WITH collect(elementId(n)) AS members
RETURN members[0..$limit] AS eids, size(members) AS total`;

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
      return { community, graph, total, truncated: eids.length < total, omitted: total - eids.length };
    },
    timeoutMs,
  );
}
