// Loads the default corpus (data/papers-listing.txt) into a database: what `npm start` hands the
// server for an empty database.
import type { Database } from '../src/neo4j/driver.js';
import { ingest } from './run.js';

export async function loadDefaultCorpus(db: Database): Promise<void> {
  await ingest(db, {});
}
