// Runs Cypher that came from outside (ad-hoc queries, saved-query files) strictly read-only: an
// EXPLAIN pre-check refuses anything that is not a plain read, then it runs in a READ transaction
// (where Neo4j itself rejects writes) with a timeout and a row cap.
import neo4j, { type ManagedTransaction, type Node, type Plan, type Record as Neo4jRecord } from 'neo4j-driver';
import type { Database } from '../../neo4j/driver.js';
import { readTx } from '../../neo4j/session.js';
import { GraphCollector } from '../convert.js';
import { ApiError, isOutOfMemory, toErrorResponse, writeRefused } from '../errors.js';
import type { WireGraph } from '../../shared/graph.js';

export interface ReadOnlyLimits {
  /** Server-side transaction timeout in milliseconds. */
  timeoutMs: number;
  /** At most this many rows come back; `capped` says when more were available. */
  rowCap: number;
}

export interface ReadOnlyResult {
  columns: string[];
  records: Neo4jRecord[];
  capped: boolean;
  graph: WireGraph;
}

/** Plan operators that read but must still not run for a browsing user. */
const REFUSED_OPERATORS: Record<string, string> = {
  LoadCSV: 'LOAD CSV reads files and URLs from the database server',
  TransactionApply: 'CALL { ... } IN TRANSACTIONS commits batches of its own',
  TransactionForeach: 'CALL { ... } IN TRANSACTIONS commits batches of its own',
  TerminateTransactions: 'TERMINATE TRANSACTIONS stops other users\' work',
  ShowTransactions: 'SHOW TRANSACTIONS reveals other users\' queries',
  ShowSettings: 'SHOW SETTINGS reveals the server configuration',
};

/** Text checks made before asking Neo4j, so the refusal names the clause even if EXPLAIN fails. */
const REFUSED_TEXT: [RegExp, string][] = [
  [/\bIN\s+(?:\d+\s+|\$\w+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b/i, 'CALL { ... } IN TRANSACTIONS commits batches of its own'],
  [/\bLOAD\s+CSV\b/i, 'LOAD CSV reads files and URLs from the database server'],
  [/^\s*(?:CREATE|DROP|ALTER|GRANT|DENY|REVOKE|START|STOP|RENAME|ENABLE|DEALLOCATE|REALLOCATE|TERMINATE)\s+(?:OR\s+REPLACE\s+)?(?:DATABASE|ALIAS|USER|ROLE|SERVER|COMPOSITE|INDEX|CONSTRAINT|FULLTEXT|RANGE|TEXT|POINT|LOOKUP|VECTOR|BTREE|TRANSACTION|TRANSACTIONS)\b/i, 'schema and administration commands change the database'],
];

function operators(plan: Plan | false, out: string[] = []): string[] {
  if (!plan) return out;
  out.push(plan.operatorType);
  for (const child of plan.children) operators(child, out);
  return out;
}

const QUERY_TYPE_NAMES: Record<string, string> = { w: 'writes data', rw: 'reads and writes data', s: 'changes the schema or runs an administration command' };

/**
 * Refuses anything that is not a plain read of this database, by the query text and by the plan
 * Neo4j makes for it (queryType must be 'r'; no LOAD CSV, IN TRANSACTIONS, other databases).
 */
export async function assertReadOnly(tx: ManagedTransaction, query: string, params: Record<string, unknown>, database: string, where: string): Promise<void> {
  for (const [pattern, why] of REFUSED_TEXT) {
    if (pattern.test(query)) throw writeRefused(`${where}: refused: ${why}; the API only runs read-only Cypher and nothing was executed.`);
  }
  const explained = await tx.run(`EXPLAIN ${query}`, params);
  const summary = explained.summary;
  if (summary.queryType !== 'r') {
    const what = QUERY_TYPE_NAMES[summary.queryType] ?? `is of type "${summary.queryType}"`;
    throw writeRefused(`${where}: refused: the query ${what}; the API only runs read-only Cypher (MATCH ... RETURN) and nothing was written.`);
  }
  for (const op of operators(summary.plan)) {
    const [name, db] = op.split('@');
    const why = REFUSED_OPERATORS[name ?? ''];
    if (why) throw writeRefused(`${where}: refused: ${why}; the API only runs read-only Cypher and nothing was executed.`);
    if (db && db !== database) {
      throw writeRefused(`${where}: refused: the query reaches database "${db}"; the API only reads "${database}".`);
    }
  }
}

/** JSON parameters as Cypher wants them: whole numbers become Neo4j integers (so `LIMIT $n` works). */
export function toCypherParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCypherParams(v);
    return out;
  }
  return value;
}

// One lookup by element id per node (an IN list may be planned as a scan of every node).
const FETCH_NODES = 'UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid RETURN n';

/** Runs one read-only statement; the graph holds every node, relationship and path in the rows. */
export async function runReadOnly(
  db: Database,
  query: string,
  params: Record<string, unknown>,
  limits: ReadOnlyLimits,
  where: string,
): Promise<ReadOnlyResult> {
  if (!query.trim()) throw new ApiError(400, 'invalid_parameter', `${where}: body field "query" is empty; send a Cypher statement such as MATCH (m:Method) RETURN m LIMIT 10`);
  return readTx(
    db,
    async (tx) => {
      try {
        return await runChecked(tx, query, params, limits, db.database, where);
      } catch (err) {
        // A transaction that ran out of memory would fail again: answer now instead of retrying.
        if (isOutOfMemory(err)) {
          const { status, body } = toErrorResponse(err, where);
          throw new ApiError(status, body.error.code, body.error.message);
        }
        throw err;
      }
    },
    limits.timeoutMs,
  );
}

async function runChecked(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
  limits: ReadOnlyLimits,
  database: string,
  where: string,
): Promise<ReadOnlyResult> {
  await assertReadOnly(tx, query, params, database, where);
  const result = tx.run(query, params);
  const columns = [...(await result.keys())];
  const records: Neo4jRecord[] = [];
  let capped = false;
  for await (const record of result) {
    if (records.length >= limits.rowCap) {
      capped = true;
      break;
    }
    records.push(record);
  }
  const collector = new GraphCollector();
  for (const record of records) for (const value of record.values()) collector.add(value);
  const missing = collector.missing();
  if (missing.length > 0) {
    const found = await tx.run(FETCH_NODES, { ids: missing });
    collector.addNodes(found.records.map((r) => r.get('n') as Node));
  }
  return { columns: columns.map(String), records, capped, graph: collector.graph() };
}
