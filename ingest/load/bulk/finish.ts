// What a bulk load does once the importer has written the store and Neo4j is running on it: the
// schema, the run's :IngestRun record, the code links and references that need the stored graph,
// and degrees, with the same statements the transactional path runs, so both end in the same graph.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateDegrees } from '../../../src/neo4j/degrees.js';
import type { Database } from '../../../src/neo4j/driver.js';
import { schemaStatements } from '../../../src/neo4j/schema.js';
import type { CodeLink } from '../../sources/types.js';
import { addCounts, totals, type LoadCounts } from '../counts.js';
import { ReferenceResolver, type ReferenceCounts } from '../references.js';
import { finishRun, startRun } from '../runs.js';
import { GraphWriter } from '../writer.js';

/** What the import left for Cypher to finish; kept next to the CSV files for an external Neo4j. */
export interface BulkRunState {
  run: string;
  /** The input files (recorded by name). */
  files: string[];
  startedAt: string;
  records: number;
  rejected: number;
  batchSize: number;
  /** The load counts of the extraction, as the transactional writer would have counted them. */
  counts: LoadCounts;
  /** Ids of the PendingRef nodes in the import. */
  pendingIds: string[];
  /** Code links whose paper was not among the records. */
  deferredLinks: CodeLink[];
}

export const STATE_FILE = 'methodgraph-bulk-run.json';

export function writeState(dir: string, state: BulkRunState): string {
  const path = join(dir, STATE_FILE);
  writeFileSync(path, JSON.stringify(state));
  return path;
}

export function readState(dir: string): BulkRunState {
  const path = join(dir, STATE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(
      `ingest/load/bulk: ${path} cannot be read (${(err as Error).message}); name the directory the bulk CSV files were written to`,
      {
        cause: err,
      },
    );
  }
  return JSON.parse(text) as BulkRunState;
}

/** Index population on a freshly imported store takes a while on a large graph. */
const AWAIT_INDEXES_SECONDS = 1800;

/** Applies cypher/schema.cypher to the imported graph and waits for the indexes to come online. */
async function applySchemaAfterImport(db: Database): Promise<void> {
  const session = db.session('WRITE');
  try {
    for (const statement of schemaStatements()) await session.run(statement);
    await session.run(`CALL db.awaitIndexes(${AWAIT_INDEXES_SECONDS})`);
  } finally {
    await session.close();
  }
}

export interface FinishResult {
  counts: LoadCounts;
  references: ReferenceCounts;
  /** Deferred code links that found no stored paper. */
  unmatched: number;
}

/**
 * Finishes a bulk run on the imported store, in the transactional path's order: code links, then
 * references (this run's and, on a database that had some, earlier ones), degrees, the run record.
 */
export async function finishBulk(db: Database, state: BulkRunState): Promise<FinishResult> {
  await applySchemaAfterImport(db);
  await startRun(db, state.run, state.files, new Date(state.startedAt));
  const counts = structuredClone(state.counts);
  const writer = new GraphWriter([], db, { run: state.run, batchSize: state.batchSize });
  const unmatched = await writer.attachCodeLinks(state.deferredLinks);
  addCounts(counts, writer.counts);
  const resolver = new ReferenceResolver(db, state.run, state.batchSize);
  resolver.adoptStored(state.pendingIds);
  const references = await resolver.resolve(counts);
  await updateDegrees(db);
  const t = totals(counts);
  await finishRun(db, state.run, {
    records: state.records,
    rejected: state.rejected,
    nodesCreated: t.nodes.created,
    relationshipsCreated: t.relationships.created,
    counts: JSON.stringify(counts),
  });
  return { counts, references, unmatched };
}
