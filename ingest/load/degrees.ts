// Keeps `n.degree` on every node (indexed per label) for the API's overview; run after each load
// and at server start, so graphs loaded by other tools get degrees too.
import type { Database } from '../../src/server/db/driver.js';
import { UPDATE_DEGREES } from './cypher.js';

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
