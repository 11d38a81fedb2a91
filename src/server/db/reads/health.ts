// GET /api/health: the Neo4j version and counts per label and type; the paper count.
import {} from 'neo4j-driver';
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { toPlain } from '../../convert.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../../shared/graph.js';
import type { HealthResponse } from '../../../shared/api/health.js';

const HEALTH = `CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition,
  {${NODE_LABELS.map((l) => `${l}: COUNT { (:${l}) }`).join(', ')}} AS nodes,
  {${RELATIONSHIP_TYPES.map((t) => `${t}: COUNT { ()-[:${t}]->() }`).join(', ')}} AS relationships`;

/** The answer of GET /api/health but its status and timing. */
export type Health = Omit<HealthResponse, 'status' | 'tookMs'>;

/**
 * Asks Neo4j for its version and the counts per label. An auto-commit READ transaction, not
 * executeRead: when Neo4j is down this must fail at once, not after the driver's retries.
 */
export async function health(db: Database, timeoutMs: number): Promise<Health> {
  const session = db.session('READ');
  try {
    const result = await session.run(HEALTH, {}, { timeout: timeoutMs });
    const record = result.records[0]!;
    return {
      neo4j: { name: String(record.get('name')), version: String(record.get('version')), edition: String(record.get('edition')) },
      database: db.database,
      counts: {
        nodes: toPlain(record.get('nodes')) as Record<NodeLabel, number>,
        relationships: toPlain(record.get('relationships')) as Record<RelationshipType, number>,
      },
    };
  } finally {
    await session.close();
  }
}

const PAPER_COUNT = 'MATCH (p:Paper) RETURN count(p) AS papers';

/** How many papers the database holds (0 means: load the default corpus on first start). */
export async function paperCount(db: Database, timeoutMs?: number): Promise<number> {
  return readTx(db, async (tx) => toPlain((await tx.run(PAPER_COUNT)).records[0]?.get('papers')) as number, timeoutMs);
}
