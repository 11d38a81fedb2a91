// The Neo4j loader: schema, batched MERGE writer with paper resolution, references resolved against
// the stored graph, ingest runs (list, undo), reset, and load counts.
import type { Database } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/neo4j/schema.js';
import { DELETE_GRAPH } from './cypher.js';

export { GraphWriter, DEFAULT_BATCH_SIZE, type WriterOptions } from './writer.js';
export { MemoryStore, Neo4jStore, type GraphStore, type IngestSink } from './store.js';
export { addCounts, emptyCounts, formatCounts, totals, type LoadCounts, type Tally } from './counts.js';
export { titleKey } from './param-rows.js';
export { ReferenceResolver, introducedRow, pendingRow, type IntroducedBy, type ReferenceCounts } from './references.js';
export { extractorVersion, finishRun, getRun, listRuns, startRun, undoRun, type IngestRunRecord, type UndoSummary } from './runs.js';
export { newRunId } from './run-id.js';
export { methodNodes } from './methods.js';
export { updateTopics, type TopicCounts, type TopicStepOptions } from './topics.js';

/** Applies cypher/schema.cypher (constraints and indexes; idempotent). */
export async function prepareDatabase(db: Database): Promise<void> {
  await applySchema(db);
}

/** Deletes every node and relationship; the schema stays. */
export async function resetGraph(db: Database): Promise<void> {
  const session = db.session('WRITE');
  try {
    for (const statement of DELETE_GRAPH) await session.run(statement);
  } finally {
    await session.close();
  }
}
