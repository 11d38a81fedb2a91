// Runs work in a read transaction (executeRead: READ routing, retried on transient errors) on a
// READ-mode session that is always closed, with an optional server-side timeout.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from './driver.js';

export async function readTx<T>(db: Database, work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
  const session = db.session('READ');
  try {
    return await session.executeRead(work, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
  } finally {
    await session.close();
  }
}
