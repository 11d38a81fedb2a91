// What a bulk load does once the importer has written the store and Neo4j is running on it: the
// schema, the run's :IngestRun record, the code links and references that need the stored graph,
// topics, curations and degrees, through the functions the transactional path calls, so both end
// in the same graph.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { applyCurations } from '../../../src/neo4j/curation/store.js';
import { updateDegrees } from '../../../src/neo4j/degrees.js';
import type { Database } from '../../../src/neo4j/driver.js';
import { updateImportance } from '../../../src/neo4j/importance/index.js';
import { applySchemaToLoadedGraph } from '../../../src/neo4j/schema.js';
import type { CodeLink } from '../../sources/types.js';
import { Taxonomy, type TaxonomyInput } from '../../taxonomy/taxonomy.js';
import { addCounts, totals, type LoadCounts } from '../counts.js';
import { ReferenceResolver, type ReferenceCounts } from '../references.js';
import { finishRun, setRunDegree, startRun } from '../runs.js';
import { updateTopics } from '../topics.js';
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
  /** The Papers-with-Code methods the run added to the bundled taxonomy. */
  taxonomy: TaxonomyInput[];
  /**
   * Whether the import already holds the topic step's Concepts, MENTIONS and SIMILAR_TO (computed in
   * memory over the run's graph, the whole graph of an empty database) and `counts` counts them.
   */
  topicsImported?: boolean;
  /**
   * Set when the run's pending references were resolved in memory before the import (their links are
   * in the files and in `counts`): what ReferenceResolver.resolve counted.
   */
  referencesResolved?: ReferenceCounts;
  /** Whether the import holds every node's degree, importance, communities, ranks and the GraphSummary. */
  importanceImported?: boolean;
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
/** Constraints created at once on the imported graph: one per core, and at least two so populations overlap. */
const SCHEMA_LANES = Math.max(2, availableParallelism());

/** Applies cypher/schema.cypher to the imported graph and waits for the indexes to come online. */
async function applySchemaAfterImport(db: Database): Promise<void> {
  await applySchemaToLoadedGraph(db, { lanes: SCHEMA_LANES, awaitSeconds: AWAIT_INDEXES_SECONDS });
}

export interface FinishResult {
  counts: LoadCounts;
  references: ReferenceCounts;
  /** Deferred code links that found no stored paper. */
  unmatched: number;
  /** Wall time of each step, in the order they ran (for the bulk report and the bench). */
  steps: { step: string; ms: number }[];
  /** Whether importance had to be computed after the import (false when the imported one matched the graph). */
  importanceComputed: boolean;
}

/**
 * Finishes a bulk run on the imported store, in the transactional path's order (ingest/run.ts): code
 * links, references (this run's and, on a database that had some, earlier ones), topics over the whole
 * graph, curations, degrees, the run record. `taxonomy`: the one the run extracted with, when it
 * is at hand; otherwise the bundled one extended with the run's methods, as the extraction had it.
 */
export async function finishBulk(db: Database, state: BulkRunState, taxonomy?: Taxonomy): Promise<FinishResult> {
  const steps: FinishResult['steps'] = [];
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      steps.push({ step, ms: performance.now() - started });
    }
  };
  await timed('schema', () => applySchemaAfterImport(db));
  await startRun(db, state.run, state.files, new Date(state.startedAt));
  const counts = structuredClone(state.counts);
  const writer = new GraphWriter([], db, { run: state.run, batchSize: state.batchSize });
  const unmatched = await timed('code links', () => writer.attachCodeLinks(state.deferredLinks));
  addCounts(counts, writer.counts);
  const attached = writer.counts.nodes.Repository.created + writer.counts.relationships.HAS_CODE.created;
  let references: ReferenceCounts;
  if (state.referencesResolved) {
    references = state.referencesResolved;
  } else {
    const resolver = new ReferenceResolver(db, state.run, state.batchSize);
    resolver.adoptStored(state.pendingIds);
    references = await timed('references', () => resolver.resolve(counts));
  }
  // Topics read every paper back and write through Cypher; an import that holds them has nothing left to do.
  if (!state.topicsImported) await timed('topics', () => updateTopics(db, taxonomy ?? runTaxonomy(state.taxonomy), {}, counts));
  const curated = await timed('curations', () => applyCurations(db));
  // The imported degrees and importance hold unless the code links or curations changed the graph.
  const imported = state.importanceImported === true && attached === 0 && curated === 0;
  if (imported) await timed('degrees', () => setRunDegree(db, state.run));
  else await timed('degrees', () => updateDegrees(db));
  // Skipped by itself when the imported summary's signature is the graph's.
  const importance = await timed('importance', () => updateImportance(db, { force: state.importanceImported === true && curated > 0 }));
  const t = totals(counts);
  await finishRun(db, state.run, {
    records: state.records,
    rejected: state.rejected,
    nodesCreated: t.nodes.created,
    relationshipsCreated: t.relationships.created,
    counts: JSON.stringify(counts),
  });
  return { counts, references, unmatched, steps, importanceComputed: importance.computed };
}

/** The bundled taxonomy as a run that read these Papers-with-Code methods extended it. */
export function runTaxonomy(extensions: TaxonomyInput[]): Taxonomy {
  const taxonomy = Taxonomy.load();
  if (extensions.length > 0) taxonomy.extend(extensions);
  return taxonomy;
}
