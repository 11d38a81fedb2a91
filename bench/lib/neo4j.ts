// A Neo4j of the benchmark's own: the bundled launcher on a free port with a temporary data
// directory and bench-sized memory, plus helpers to empty it and count what it holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dbConfig } from '../../src/neo4j/config.js';
import { startBundledDb, type RunningDb } from '../../src/neo4j/bundled.js';
import { openDatabase, type Database } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/neo4j/schema.js';
import { freePort } from '../../test/helpers/ports.js';

export interface BenchDb {
  db: Database;
  running: RunningDb;
  dataDir: string;
  /** Closes the driver, stops Neo4j and deletes its data directory. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startBenchDb(options: { heap?: string; pageCache?: string; txMemory?: string } = {}): Promise<BenchDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-bench-neo4j-'));
  const base = dbConfig();
  let running: RunningDb;
  try {
    running = await startBundledDb({
      ...base.bundled,
      port: await freePort(),
      dataDir,
      heap: options.heap ?? '2g',
      pageCache: options.pageCache ?? '1g',
      txMemory: options.txMemory ?? '1g',
    });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const db = await openDatabase({ ...base, uri: running.uri });
  let stopped = false;
  return {
    db,
    running,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await db.close();
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Deletes every node and relationship in batches, then (re)applies the schema. */
export async function resetDb(db: Database): Promise<void> {
  const session = db.session('WRITE');
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await applySchema(db);
}

export async function countGraph(db: Database): Promise<{ nodes: number; relationships: number }> {
  const session = db.session('READ');
  try {
    // Count store lookups: no scan.
    const n = await session.run('MATCH (n) RETURN count(n) AS c');
    const r = await session.run('MATCH ()-[r]->() RETURN count(r) AS c');
    return { nodes: Number(n.records[0]!.get('c')), relationships: Number(r.records[0]!.get('c')) };
  } finally {
    await session.close();
  }
}
