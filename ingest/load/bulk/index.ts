// The bulk first load: extracts like a normal ingest, writes the graph as importer CSV files, imports
// them into the bundled Neo4j's new database with Neo4j's offline importer, then starts Neo4j and
// finishes the run with Cypher (finish.ts). With an external Neo4j it writes the files and prints the
// neo4j-admin command, and `--bulk-finish DIR` finishes the run once the user has imported them.
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runningBundled, startBundledDb, type StartOptions } from '../../../src/neo4j/bundled.js';
import { dbConfig, type DbConfig } from '../../../src/neo4j/config.js';
import { openDatabase, type Database } from '../../../src/neo4j/driver.js';
import { projectRoot } from '../../../src/neo4j/paths.js';
import { ingest, type IngestOptions, type IngestSummary } from '../../run.js';
import { COUNT_NODES } from '../cypher.js';
import { newRunId } from '../run-id.js';
import { DEFAULT_BATCH_SIZE } from '../writer.js';
import { BulkCollector, type CsvGroup } from './collector.js';
import { finishBulk, readState, runTaxonomy, writeState, type BulkRunState } from './finish.js';
import { addCounts } from '../counts.js';
import { adminCommand, BulkImportError, IMPORTED_LINE, importFailure, launcherImportArgs } from './importer.js';

export { BulkCollector } from './collector.js';
export { BulkImportError } from './importer.js';

export type BulkIngestOptions = Omit<IngestOptions, 'dryRun' | 'reset' | 'sink'> & {
  config?: DbConfig;
  /** Where the CSV files go (default: <data>/import/bulk, or .methodgraph/bulk-import for an external Neo4j). */
  csvDir?: string;
  /** Keep the CSV files after a successful import. */
  keepCsv?: boolean;
  /** Progress and instructions for the user, one line each. */
  onStep?: (line: string) => void;
};

export interface BulkReport {
  csvDir: string;
  nodes: number;
  relationships: number;
  /** Set for an external Neo4j: the command the user runs; nothing was imported. */
  command?: string;
  timings: { extractMs: number; topicsMs: number; derivedMs: number; csvMs: number; importMs: number; finishMs: number; totalMs: number };
  /** The finish's parts: Neo4j's start, then each step of finishBulk. */
  finishSteps: { step: string; ms: number }[];
  /** Whether importance was computed after the import (only when code links or curations changed the imported graph). */
  importanceComputed?: boolean;
}

export interface BulkSummary extends IngestSummary {
  bulk: BulkReport;
}

export class BulkRefusedError extends Error {
  override name = 'BulkRefusedError';
}

/** Neo4j's first start on an imported store can be slow on a busy machine. */
const START_TIMEOUT_MS = 600_000;
/** The import and that start, in one launcher run. */
const IMPORT_AND_START_TIMEOUT_MS = 3 * START_TIMEOUT_MS;

/** Starts the bundled Neo4j on the configured data directory and opens it (patient on a busy machine). */
export async function openBundled(config: DbConfig, start: StartOptions = {}): Promise<Database> {
  const running = await startBundledDb(config.bundled, { timeoutMs: START_TIMEOUT_MS, ...start });
  try {
    const db = await openDatabase({ ...config, uri: running.uri });
    return {
      ...db,
      bundled: running,
      async close() {
        await db.close();
        await running.stop();
      },
    };
  } catch (err) {
    await running.stop();
    throw err;
  }
}

const storeDir = (dataDir: string) => join(dataDir, 'data', 'databases', 'neo4j');

/** True when the bundled data directory already has a store for the default database. */
export function storeExists(dataDir: string): boolean {
  const dir = storeDir(dataDir);
  return existsSync(dir) && readdirSync(dir).length > 0;
}

async function countNodes(db: Database): Promise<number> {
  const session = db.session('READ');
  try {
    const result = await session.run(COUNT_NODES);
    return Number(result.records[0]?.get('nodes') ?? 0);
  } finally {
    await session.close();
  }
}

/**
 * Decides whether the bundled database may be bulk-loaded: refuses one that a running Neo4j has
 * open or that holds any node. Returns whether an (empty) store must be overwritten.
 */
async function checkEmpty(config: DbConfig): Promise<boolean> {
  const dataDir = config.bundled.dataDir;
  const running = runningBundled(config.bundled);
  if (running) {
    throw new BulkRefusedError(
      `ingest --bulk: the bundled Neo4j (pid ${running.pid}, ${running.uri}) is running on ${dataDir}; the importer writes the store ` +
        'before Neo4j opens it, so stop it first (npm run db:stop, or Ctrl-C on npm start), or load without --bulk',
    );
  }
  if (!storeExists(dataDir)) return false;
  const db = await openBundled(config);
  let nodes: number;
  try {
    nodes = await countNodes(db);
  } finally {
    await db.close();
  }
  if (nodes > 0) {
    throw new BulkRefusedError(
      `ingest --bulk: the database in ${dataDir} already holds ${nodes} node(s); a bulk load only fills an empty database. ` +
        'Load without --bulk (later ingests are transactional), or point METHODGRAPH_DB_DIR at a new directory',
    );
  }
  return true;
}

function freshDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

interface Extracted {
  summary: IngestSummary;
  collector: BulkCollector;
  groups: CsvGroup[];
  state: BulkRunState;
  extractMs: number;
  /** The topic step in memory (its rows' CSV included). */
  topicsMs: number;
  /** References resolved and importance computed in memory (their rows' CSV included). */
  derivedMs: number;
  csvMs: number;
}

/** Reads, extracts and writes the CSV files and the run's state. */
async function extractToCsv(options: BulkIngestOptions, csvDir: string): Promise<Extracted> {
  freshDir(csvDir);
  const startedAt = new Date();
  const collector = new BulkCollector(csvDir, newRunId(startedAt));
  const started = performance.now();
  const summary = await ingest(undefined, { ...options, dryRun: true, sink: collector });
  const extracted = performance.now();
  // The collector writes relationship CSV as batches come: that time is the CSV's, not extraction's.
  const writtenWhileExtracting = collector.writeMs;
  const counts = structuredClone(summary.counts);
  if (!summary.refused) addCounts(counts, await collector.addTopics(options.taxonomy ?? runTaxonomy(collector.taxonomy)));
  const topicsEnd = performance.now();
  // The collected graph is the whole graph of the new database: what the finish would read back is known here.
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const references = summary.refused ? undefined : await collector.resolveReferences(batchSize, counts);
  if (!summary.refused) collector.addImportance();
  const derivedEnd = performance.now();
  const groups = summary.refused ? [] : await collector.finish();
  const csvEnd = performance.now();
  const state: BulkRunState = {
    run: collector.run,
    files: summary.files.map((f) => f.path),
    startedAt: startedAt.toISOString(),
    records: summary.records,
    rejected: summary.rejected,
    batchSize,
    counts,
    topicsImported: true,
    ...(references ? { referencesResolved: references, importanceImported: true } : {}),
    pendingIds: collector.pendingIds(),
    deferredLinks: collector.deferredLinks,
    taxonomy: collector.taxonomy,
  };
  return {
    summary,
    collector,
    groups,
    state,
    extractMs: extracted - started - writtenWhileExtracting,
    topicsMs: topicsEnd - extracted,
    derivedMs: derivedEnd - topicsEnd,
    csvMs: csvEnd - derivedEnd + writtenWhileExtracting,
  };
}

/** With NEO4J_URI set: the files, the state and the command that imports them; nothing is imported. */
async function externalBulk(options: BulkIngestOptions, config: DbConfig, started: number): Promise<BulkSummary> {
  const step = options.onStep ?? (() => {});
  const csvDir = options.csvDir ?? join(projectRoot, '.methodgraph', 'bulk-import');
  const { summary, collector, groups, state, extractMs, topicsMs, derivedMs, csvMs } = await extractToCsv(options, csvDir);
  const timings = { extractMs, topicsMs, derivedMs, csvMs, importMs: 0, finishMs: 0, totalMs: performance.now() - started };
  const report = { csvDir, nodes: collector.nodeCount(), relationships: collector.relationships, timings, finishSteps: [] };
  if (summary.refused) return { ...summary, bulk: report };
  writeState(csvDir, state);
  const command = adminCommand(groups, collector.multiline, config.database);
  step(`ingest --bulk: NEO4J_URI is set, so the CSV files were written to ${csvDir} and nothing was imported.`);
  step('ingest --bulk: stop that Neo4j server, then run on its machine (the database must be new or will be replaced):');
  step(command);
  step(
    `ingest --bulk: start it again, then run \`npm run ingest -- --bulk-finish ${csvDir}\` to apply the schema, record the run and attach its code links.`,
  );
  return { ...summary, run: state.run, bulk: { ...report, command } };
}

/** Runs a bulk first load; throws BulkRefusedError when the database is not empty. */
export async function bulkIngest(options: BulkIngestOptions = {}): Promise<BulkSummary> {
  const started = performance.now();
  const config = options.config ?? dbConfig();
  const step = options.onStep ?? (() => {});
  if (config.uri) return externalBulk(options, config, started);

  const dataDir = config.bundled.dataDir;
  const overwrite = await checkEmpty(config);
  const csvDir = options.csvDir ?? join(dataDir, 'import', 'bulk');
  const { summary, collector, groups, state, extractMs, topicsMs, derivedMs, csvMs } = await extractToCsv(options, csvDir);
  const nodes = collector.nodeCount();
  const report = (importMs: number, finishMs: number, finishSteps: BulkReport['finishSteps'] = []): BulkReport => ({
    csvDir,
    nodes,
    relationships: collector.relationships,
    timings: { extractMs, topicsMs, derivedMs, csvMs, importMs, finishMs, totalMs: performance.now() - started },
    finishSteps,
  });
  if (summary.refused) return { ...summary, run: undefined, bulk: report(0, 0) };
  step(`ingest --bulk: ${nodes} nodes and ${collector.relationships} relationships written as CSV to ${csvDir}`);

  // The launcher imports, then starts Neo4j in the same JVM (one JVM start, its classes and compiled
  // code shared). The importer's own progress (its stages and their times) is kept next to its report.
  const importStart = performance.now();
  let importMs: number | undefined;
  const importLog = join(dataDir, 'bulk-import.log');
  // The data directory may not exist yet when the CSV files were written elsewhere (`csvDir`).
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(importLog, '');
  const output: string[] = [];
  const onOutput = (line: string) => {
    appendFileSync(importLog, `${line}\n`);
    output.push(line);
    if (line.trim() === IMPORTED_LINE && importMs === undefined) {
      importMs = performance.now() - importStart;
      step(`ingest --bulk: imported in ${(importMs / 1000).toFixed(1)} s; Neo4j starts to apply the schema and finish the run`);
    }
  };
  const firstStartArgs = launcherImportArgs(dataDir, { groups, multiline: collector.multiline, overwrite });
  let db: Database;
  try {
    db = await openBundled(config, { firstStartArgs, onOutput, timeoutMs: IMPORT_AND_START_TIMEOUT_MS });
  } catch (err) {
    const reason = importMs === undefined ? importFailure(output.join('\n')) : undefined;
    if (reason === undefined) throw err;
    throw new BulkImportError(`ingest/load/bulk: the import into ${dataDir} failed: ${reason}`, { cause: err });
  }
  // The launcher prints IMPORTED before Neo4j starts; without it the whole run counts as the start.
  const importedMs = importMs ?? 0;
  const finishStart = importStart + importedMs;
  const startMs = performance.now() - finishStart;
  let finished;
  try {
    finished = await finishBulk(db, state, options.taxonomy);
  } finally {
    await db.close();
  }
  const finishMs = performance.now() - finishStart;
  if (!options.keepCsv) rmSync(csvDir, { recursive: true, force: true });
  const bulk = {
    ...report(importedMs, finishMs, [{ step: 'Neo4j start', ms: startMs }, ...finished.steps]),
    importanceComputed: finished.importanceComputed,
  };
  const rate = ((nodes + collector.relationships) * 1000) / Math.max(1, importedMs);
  step(
    `ingest --bulk: extraction ${(extractMs / 1000).toFixed(1)} s, CSV ${(csvMs / 1000).toFixed(1)} s, import ${(importedMs / 1000).toFixed(1)} s ` +
      `(${Math.round(rate)} records/s), finish ${(finishMs / 1000).toFixed(1)} s, topics in memory ${(topicsMs / 1000).toFixed(1)} s, ` +
      `references and importance in memory ${(derivedMs / 1000).toFixed(1)} s, ` +
      `total ${(bulk.timings.totalMs / 1000).toFixed(1)} s`,
  );
  step(`ingest --bulk: finish steps: ${bulk.finishSteps.map((s) => `${s.step} ${(s.ms / 1000).toFixed(1)} s`).join(', ')}`);
  const links = summary.codeLinks;
  return {
    ...summary,
    wrote: true,
    run: state.run,
    counts: finished.counts,
    references: finished.references,
    codeLinks: { read: links.read, attached: links.read - finished.unmatched, unmatched: finished.unmatched },
    timings: { totalMs: bulk.timings.totalMs },
    bulk,
  };
}

/** After the user imported the files into their own Neo4j: finishes the run there (`--bulk-finish DIR`). */
export async function finishExternalBulk(db: Database, csvDir: string): Promise<{ run: string; references: number; unmatched: number }> {
  const state = readState(csvDir);
  const finished = await finishBulk(db, state);
  return { run: state.run, references: finished.references.links, unmatched: finished.unmatched };
}
