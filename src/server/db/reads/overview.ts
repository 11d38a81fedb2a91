// GET /api/overview: the best-connected nodes (from the per-label degree indexes) and the edges among them.
import {} from 'neo4j-driver';
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { toPlain } from '../../convert.js';
import { NODE_LABELS, type NodeLabel, type RelationshipType } from '../../../shared/graph.js';
import type { OverviewResponse } from '../../../shared/api/graph.js';
import { int } from './locate.js';
import { subgraph } from './expansion.js';

/**
 * The best-connected nodes: per label, the top of the `degree` index (kept by ingest), then the
 * overall top. Labels are spliced from the whitelist only; each branch is skipped unless asked for.
 */
const OVERVIEW = `CALL () {
${NODE_LABELS.map(
  (label) => `  MATCH (n:${label}) WHERE n.degree >= 0 AND '${label}' IN $labels
  RETURN n ORDER BY n.degree DESC LIMIT $limit`,
).join('\n  UNION ALL\n')}
}
WITH n ORDER BY n.degree DESC, n.id LIMIT $limit
RETURN elementId(n) AS eid`;

/** Node counts per label from the count store (no scan). */
const LABEL_COUNTS = `RETURN ${NODE_LABELS.map((label) => `COUNT { (:${label}) } AS ${label}`).join(', ')}`;

export async function overview(
  db: Database,
  options: { labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number },
  timeoutMs?: number,
): Promise<OverviewResponse> {
  return readTx(
    db,
    async (tx) => {
      const top = await tx.run(OVERVIEW, { labels: options.labels, limit: int(options.limit) });
      const eids = top.records.map((r) => r.get('eid') as string);
      const counts = (await tx.run(LABEL_COUNTS)).records[0];
      const total = options.labels.reduce((sum, label) => sum + (toPlain(counts?.get(label)) as number), 0);
      const graph = await subgraph(tx, eids, options.types);
      return { graph, total, truncated: eids.length < total, omitted: total - eids.length };
    },
    timeoutMs,
  );
}
