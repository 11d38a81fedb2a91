// Opens the test run's Neo4j (started by test/global-setup.ts) and empties it between test files.
import { inject } from 'vitest';
import { dbConfig, type BundledDbConfig } from '../../src/neo4j/config.js';
import { openDatabase, type Database } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/neo4j/schema.js';
import { QUICK_START_JVM } from './jvm.js';

export { QUICK_START_JVM } from './jvm.js';

/** A small bundled Neo4j of a test file's own, on a free port and its own data directory, quick to start. */
export function ownBundledConfig(dataDir: string, port: number): BundledDbConfig {
  return { ...dbConfig().bundled, port, dataDir, heap: '512m', pageCache: '64m', txMemory: '64m', javaOptions: QUICK_START_JVM };
}

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
