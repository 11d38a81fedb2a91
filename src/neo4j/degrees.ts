// Keeps `n.degree` on every node (indexed per label) for the API's overview; run after each load
// and at server start, so graphs loaded by other tools get degrees too.
import type { Database } from './driver.js';

/**
 * Stores every node's degree as `n.degree` (indexed per label, see cypher/schema.cypher) so the
 * API's overview can take the best-connected nodes from an index instead of scanning the graph.
 * Only nodes whose degree changed are written, so re-ingesting the same input writes nothing.
 */
export const UPDATE_DEGREES = `MATCH (n)
WITH n, COUNT { (n)--() } AS degree
WHERE n.degree IS NULL OR n.degree <> degree
CALL (n, degree) { SET n.degree = degree } IN TRANSACTIONS OF 10000 ROWS`;

/** Writes the degree of every node whose stored degree is missing or stale. */
export async function updateDegrees(db: Database): Promise<void> {
  // CALL { ... } IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeWrite.
  const session = db.session('WRITE');
  try {
    await session.run(UPDATE_DEGREES);
  } finally {
    await session.close();
  }
}
