// `npm run ingest -- --bulk-finish DIR`: after the user imported --bulk's CSV files into their own
// Neo4j with neo4j-admin, finishes the run there (schema, run record, references, topics, degrees).
import { openDatabase } from '../src/neo4j/driver.js';
import { finishExternalBulk } from './load/bulk/index.js';

/** Finishes the run in the Neo4j NEO4J_URI names; returns the line to print. */
export async function finishBulkRun(dir: string): Promise<string> {
  const db = await openDatabase();
  try {
    const done = await finishExternalBulk(db, dir);
    return `ingest: finished bulk run ${done.run}: schema applied, ${done.references} link(s) from references, ${done.unmatched} code link(s) matched no paper`;
  } finally {
    await db.close();
  }
}
