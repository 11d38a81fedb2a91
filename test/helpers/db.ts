// Opens the test run's Neo4j (started by test/global-setup.ts) and empties it between test files.
import { inject } from 'vitest';
import { dbConfig } from '../../src/neo4j/config.js';
import { openDatabase, type Database } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/neo4j/schema.js';

export async function openTestDatabase(): Promise<Database> {
  return openDatabase({ ...dbConfig(), uri: inject('neo4jUri') });
}

/** Deletes every node and relationship (the schema stays). */
export async function emptyDatabase(db: Database): Promise<void> {
  const session = db.session('WRITE');
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** An empty database with the schema applied: what every integration test file starts from. */
export async function freshTestDatabase(): Promise<Database> {
  const db = await openTestDatabase();
  await emptyDatabase(db);
  await applySchema(db);
  return db;
}
