// Ingest runs: the :IngestRun record of each run (files by name, extractor version, times, counts),
// the list `--runs` prints, and `--undo RUN`, which takes back exactly what one run brought.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '../../src/neo4j/driver.js';
import { updateDegrees } from '../../src/neo4j/degrees.js';
import { applyCurations } from '../../src/neo4j/curation/store.js';
import { defaultTaxonomy } from '../taxonomy/taxonomy.js';
import { updateTopics } from './topics.js';
import { updateImportance } from '../../src/neo4j/importance/index.js';
import { FINISH_RUN, GET_RUN, LIST_RUNS, SET_RUN_DEGREE, START_RUN, UNDO_RUN } from './cypher.js';

export interface IngestRunRecord {
  id: string;
  files: string[];
  extractorVersion: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'finished';
  records?: number;
  rejected?: number;
  nodesCreated?: number;
  relationshipsCreated?: number;
  /** The load counts as JSON (nodes by label, relationships by type). */
  counts?: string;
}

let version: string | undefined;

/** The package version and a digest of the extraction code and taxonomy: what a run was extracted with. */
export function extractorVersion(): string {
  if (version) return version;
  const hash = createHash('sha1');
  for (const dir of ['../extract/', '../taxonomy/']) {
    const url = new URL(dir, import.meta.url);
    for (const name of readdirSync(url).sort()) {
      if (/\.(?:ts|json)$/.test(name)) hash.update(name).update(readFileSync(new URL(name, url)));
    }
  }
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  version = `${pkg.version ?? '0.0.0'}+${hash.digest('hex').slice(0, 10)}`;
  return version;
}

async function write(db: Database, statement: string, params: Record<string, unknown>): Promise<void> {
  const session = db.session('WRITE');
  try {
    await session.executeWrite((tx) => tx.run(statement, params));
  } finally {
    await session.close();
  }
}

/**
 * Records a run as it starts (files by name only: no machine's paths in the graph); `startedAt`
 * for a run recorded after the fact (the bulk loader records it once the import is done).
 */
export async function startRun(db: Database, run: string, files: string[], startedAt: Date = new Date()): Promise<void> {
  await write(db, START_RUN, {
    run,
    files: files.map((f) => basename(f)),
    extractorVersion: extractorVersion(),
    startedAt: startedAt.toISOString(),
  });
}

export async function finishRun(
  db: Database,
  run: string,
  props: Omit<IngestRunRecord, 'id' | 'files' | 'extractorVersion' | 'startedAt' | 'status' | 'finishedAt'>,
): Promise<void> {
  await write(db, FINISH_RUN, { run, props: { ...props, status: 'finished', finishedAt: new Date().toISOString() } });
}

/** Stores the run record's degree (0) where every other node's degree was imported (a bulk run). */
export async function setRunDegree(db: Database, run: string): Promise<void> {
  await write(db, SET_RUN_DEGREE, { run });
}

function plain(value: unknown): unknown {
  return value && typeof value === 'object' && 'toNumber' in value ? (value as { toNumber(): number }).toNumber() : value;
}

function toRecord(raw: Record<string, unknown>): IngestRunRecord {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, plain(v)])) as unknown as IngestRunRecord;
}

export async function listRuns(db: Database): Promise<IngestRunRecord[]> {
  const session = db.session('READ');
  try {
    const result = await session.executeRead((tx) => tx.run(LIST_RUNS));
    return result.records.map((r) => toRecord(r.get('run') as Record<string, unknown>));
  } finally {
    await session.close();
  }
}

export async function getRun(db: Database, run: string): Promise<IngestRunRecord | undefined> {
  const session = db.session('READ');
  try {
    const result = await session.executeRead((tx) => tx.run(GET_RUN, { run }));
    const raw = result.records[0]?.get('run') as Record<string, unknown> | undefined;
    return raw ? toRecord(raw) : undefined;
  } finally {
    await session.close();
  }
}

export interface UndoSummary {
  run: string;
  relationshipsDeleted: number;
  nodesDeleted: number;
}

/**
 * Removes what only `run` brought, removes the run from what other runs also wrote (with the
 * properties and list items it added to nodes it did not create), and removes its record; then the
 * topics (Concepts, MENTIONS, SIMILAR_TO) are recomputed over the papers left.
 * Throws with what to do when there is no such run.
 */
export async function undoRun(db: Database, run: string): Promise<UndoSummary> {
  if (!(await getRun(db, run))) {
    throw new Error(`ingest/load/runs: no ingest run "${run}"; list the runs with npm run ingest -- --runs`);
  }
  const summary: UndoSummary = { run, relationshipsDeleted: 0, nodesDeleted: 0 };
  // CALL { ... } IN TRANSACTIONS needs auto-commit transactions (session.run).
  const session = db.session('WRITE');
  try {
    for (const statement of UNDO_RUN) {
      const result = await session.run(statement, { run });
      const u = result.summary.counters.updates();
      summary.relationshipsDeleted += u.relationshipsDeleted;
      summary.nodesDeleted += u.nodesDeleted;
    }
  } finally {
    await session.close();
  }
  // The run's own record is not part of the graph.
  summary.nodesDeleted -= 1;
  // Topics are those of the papers left (document frequencies over the graph as it now is).
  await updateTopics(db, defaultTaxonomy());
  // What the run brought back into view or took away is curated again (curation records never go).
  await applyCurations(db);
  await updateDegrees(db);
  // Lineage importance over what is left, after the curations (forced: the counts may match an earlier state).
  await updateImportance(db, { force: true });
  return summary;
}
