// Loads the default corpus into the test database: what API, web and bench tests start from.
import type { Database } from '../../src/neo4j/driver.js';
import { ingest } from '../../ingest/run.js';
import { emptyDatabase } from './db.js';

/** Empties the database, applies the schema and ingests data/papers-listing.txt. */
export async function loadDefaultCorpus(db: Database): Promise<void> {
  await emptyDatabase(db);
  const summary = await ingest(db, {});
  if (summary.rejected > 0) {
    throw new Error(`test/helpers/corpus: the default corpus had ${summary.rejected} problem(s): ${summary.issues.map((i) => `${i.position}: ${i.reason}`).join('; ')}`);
  }
}
