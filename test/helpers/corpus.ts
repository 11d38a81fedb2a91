// Loads the default corpus into the test database: what API, web and bench tests start from. The
// run's first load ingests data/papers-listing.txt and keeps a copy of the graph beside the run's
// Neo4j; later loads put the copy back, which takes a fraction of an ingest. Files that only read it
// share one load: the load is stamped with the state of Neo4j's transaction log, and a later file
// reuses the data as long as no transaction has been written since.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/neo4j/schema.js';
import { ingest } from '../../ingest/run.js';
import { emptyDatabase } from './db.js';
import { readSnapshot, restoreSnapshot, takeSnapshot, writeSnapshot } from './graph-snapshot.js';

/** The copy of the ingested default corpus, in the run's Neo4j data directory (a new one every run). */
const SNAPSHOT_FILE = 'methodgraph-test-corpus-snapshot.json';

/**
 * Empties the database and loads the default corpus: ingested the first time in a run, restored from
 * that ingest's copy afterwards. With NEO4J_URI (no data directory of ours) it always ingests.
 */
export async function loadDefaultCorpus(db: Database, dataDir: string = inject('neo4jDataDir')): Promise<void> {
  await emptyDatabase(db);
  const copy = dataDir ? join(dataDir, SNAPSHOT_FILE) : '';
  if (copy && existsSync(copy)) {
    await applySchema(db);
    await restoreSnapshot(db, readSnapshot(copy));
    return;
  }
  const summary = await ingest(db, {});
  if (summary.rejected > 0) {
    throw new Error(
      `test/helpers/corpus: the default corpus had ${summary.rejected} problem(s): ${summary.issues.map((i) => `${i.position}: ${i.reason}`).join('; ')}`,
    );
  }
  if (copy) {
    writeSnapshot(`${copy}.part`, await takeSnapshot(db));
    renameSync(`${copy}.part`, copy);
  }
}

/**
 * The default corpus for a test file that only reads it: loaded unless the run's own Neo4j holds it
 * unchanged since an earlier file loaded it. A file that writes must use loadDefaultCorpus (or write
 * and let the transaction log tell the next file to reload). With NEO4J_URI it always loads.
 */
export async function sharedDefaultCorpus(db: Database, dataDir: string = inject('neo4jDataDir')): Promise<void> {
  const stampFile = dataDir ? join(dataDir, 'methodgraph-test-corpus.json') : '';
  if (stampFile && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === transactionLogState(dataDir)) return;
  await loadDefaultCorpus(db, dataDir);
  if (stampFile) writeFileSync(stampFile, transactionLogState(dataDir));
}

/** Names, sizes and modification times of the neo4j database's transaction log files: any commit changes them, reads do not. */
function transactionLogState(dataDir: string): string {
  const dir = join(dataDir, 'data', 'transactions', 'neo4j');
  if (!existsSync(dir)) throw new Error(`test/helpers/corpus: no transaction log under ${dir}; has the bundled Neo4j's layout changed?`);
  const files = readdirSync(dir)
    .filter((f) => f.includes('transaction'))
    .sort()
    .map((f) => {
      const s = statSync(join(dir, f));
      return `${f}:${s.size}:${s.mtimeMs}`;
    });
  return JSON.stringify(files);
}
