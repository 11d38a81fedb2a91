// Runs Cypher that came from outside (ad-hoc queries, saved-query files) strictly read-only and on a
// budget: a token check (length, nesting, allow-listed procedures, no LOAD CSV) and an EXPLAIN
// check refuse anything that is not a plain read; it runs in an explicit READ transaction with a
// timeout Neo4j enforces, behind a gate that bounds how many run at once, streaming rows under a row
// and a byte cap; when the caller gives up (client gone, deadline passed) the transaction is terminated.
// Failures come back as ReadOnlyError with a kind; the HTTP layer decides the status.
import neo4j, { type Node, type Plan, type Record as Neo4jRecord, type Session, type Transaction } from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../neo4j/driver.js';
import { GraphCollector } from '../convert.js';
import type { WireGraph } from '../../shared/graph.js';
import { DEFAULT_SHAPE_LIMITS, GuardRefusal, guardQuery, type ShapeLimits } from './cypher-guard.js';
import { type Gate, GateFull } from './gate.js';
import { estimateBytes } from './result-size.js';

export interface ReadOnlyLimits {
  /** Server-side transaction timeout in milliseconds. */
  timeoutMs: number;
  /** At most this many rows come back; `capped` says when more were available. */
  rowCap: number;
  /** A result larger than this many bytes (as JSON, estimated while streaming) is refused. */
  byteCap: number;
  /** Length and bracket nesting accepted before a query reaches Neo4j. */
  shape?: ShapeLimits;
}

export interface ReadOnlyResult {
  columns: string[];
  records: Neo4jRecord[];
  capped: boolean;
  graph: WireGraph;
}

export type ReadOnlyFailure =
  'empty' | 'refused' | 'too_complex' | 'syntax' | 'params_too_deep' | 'result_too_large' | 'busy' | 'deadline' | 'aborted';

/** A query the data layer refused or stopped, with the rule that did it. */
export class ReadOnlyError extends Error {
  override name = 'ReadOnlyError';
  constructor(
    readonly kind: ReadOnlyFailure,
    message: string,
    /** For `busy`: seconds after which trying again is reasonable. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface RunOptions {
  /** Aborted when the HTTP client goes away: the transaction is terminated in Neo4j. */
  signal?: AbortSignal;
  /** Bounds how many queries run at once; a slot is held until Neo4j has really let go of the query. */
  gate?: Gate;
  /** Extra time after the transaction timeout before the caller gets its answer regardless. */
  graceMs?: number;
}

/** Plan operators that read but must still not run for a browsing user. */
const REFUSED_OPERATORS: Record<string, string> = {
  LoadCSV: 'LOAD CSV reads files and URLs from the database server',
  TransactionApply: 'CALL { ... } IN TRANSACTIONS commits batches of its own',
  TransactionForeach: 'CALL { ... } IN TRANSACTIONS commits batches of its own',
  TerminateTransactions: "TERMINATE TRANSACTIONS stops other users' work",
  ShowTransactions: "SHOW TRANSACTIONS reveals other users' queries",
  ShowSettings: 'SHOW SETTINGS reveals the server configuration',
};

function operators(plan: Plan | false, out: string[] = []): string[] {
  if (!plan) return out;
  out.push(plan.operatorType);
  for (const child of plan.children) operators(child, out);
  return out;
}

const QUERY_TYPE_NAMES: Record<string, string> = {
  w: 'writes data',
  rw: 'reads and writes data',
  s: 'changes the schema or runs an administration command',
};

const refused = (where: string, why: string) =>
  new ReadOnlyError('refused', `${where}: refused: ${why}; the API only runs read-only Cypher and nothing was executed.`);

/**
 * Refuses anything that is not a plain read of this database, by the plan Neo4j makes for it
 * (queryType must be 'r'; no LOAD CSV, IN TRANSACTIONS, other databases).
 */
async function assertReadOnlyPlan(
  tx: Transaction,
  query: string,
  params: Record<string, unknown>,
  database: string,
  where: string,
): Promise<void> {
  const explained = await tx.run(`EXPLAIN ${query}`, params);
  const summary = explained.summary;
  if (summary.queryType !== 'r') {
    const what = QUERY_TYPE_NAMES[summary.queryType] ?? `is of type "${summary.queryType}"`;
    throw new ReadOnlyError(
      'refused',
      `${where}: refused: the query ${what}; the API only runs read-only Cypher (MATCH ... RETURN) and nothing was written.`,
    );
  }
  for (const op of operators(summary.plan)) {
    const [name, db] = op.split('@');
    const why = REFUSED_OPERATORS[name ?? ''];
    if (why) throw refused(where, why);
    if (db && db !== database) throw refused(where, `the query reaches database "${db}"; the API only reads "${database}"`);
  }
}

/** Deepest nesting of objects and lists accepted in query parameters. */
export const MAX_PARAM_DEPTH = 32;

/**
 * JSON parameters as Cypher wants them: whole numbers become Neo4j integers (so `LIMIT $n` works).
 * Iterative, and refuses nesting deeper than MAX_PARAM_DEPTH.
 */
export function toCypherParams(params: Record<string, unknown>, where: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const stack: { from: unknown; into: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [];
  for (const [k, v] of Object.entries(params)) stack.push({ from: v, into: root, key: k, depth: 1 });
  while (stack.length > 0) {
    const { from, into, key, depth } = stack.pop()!;
    let value: unknown = from;
    if (typeof from === 'number' && Number.isSafeInteger(from)) value = neo4j.int(from);
    else if (from !== null && typeof from === 'object') {
      if (depth > MAX_PARAM_DEPTH) {
        throw new ReadOnlyError(
          'params_too_deep',
          `${where}: body field "params" nests objects and lists more than ${MAX_PARAM_DEPTH} deep; flatten the values`,
        );
      }
      if (Array.isArray(from)) {
        const out: unknown[] = new Array(from.length);
        from.forEach((v, i) => stack.push({ from: v, into: out, key: i, depth: depth + 1 }));
        value = out;
      } else {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(from)) stack.push({ from: v, into: out, key: k, depth: depth + 1 });
        value = out;
      }
    }
    (into as Record<string | number, unknown>)[key] = value;
  }
  return root;
}

// One lookup by element id per node (an IN list may be planned as a scan of every node).
const FETCH_NODES = 'UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid RETURN n';
const FIND_TX = 'SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.methodgraphQuery = $tag RETURN transactionId';
const TERMINATE = 'TERMINATE TRANSACTIONS $ids';

/** Records pulled from Neo4j per batch: small, so a few huge rows never pile up in memory. */
const FETCH_SIZE = 20;

/** Terminates the transaction tagged `tag` in Neo4j (found by its metadata); errors are ignored. */
async function terminate(db: Database, tag: string): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    const found = await session.run(FIND_TX, { tag });
    const ids = found.records.map((r) => r.get('transactionId') as string);
    if (ids.length > 0) await session.run(TERMINATE, { ids });
  } catch {
    // Neo4j may be gone, or the transaction already over: nothing left to stop.
  } finally {
    await session.close().catch(() => undefined);
  }
}

/** Runs one read-only statement; the graph holds every node, relationship and path in the rows. */
export async function runReadOnly(
  db: Database,
  query: string,
  params: Record<string, unknown>,
  limits: ReadOnlyLimits,
  where: string,
  options: RunOptions = {},
): Promise<ReadOnlyResult> {
  if (!query.trim())
    throw new ReadOnlyError(
      'empty',
      `${where}: body field "query" is empty; send a Cypher statement such as MATCH (m:Method) RETURN m LIMIT 10`,
    );
  try {
    guardQuery(query, limits.shape ?? DEFAULT_SHAPE_LIMITS);
  } catch (err) {
    if (!(err instanceof GuardRefusal)) throw err;
    if (err.kind === 'refused') throw refused(where, err.message);
    throw new ReadOnlyError(err.kind, `${where}: ${err.message}; nothing was executed.`);
  }
  let release = () => {};
  if (options.gate) {
    try {
      release = await options.gate.acquire();
    } catch (err) {
      if (!(err instanceof GateFull)) throw err;
      throw new ReadOnlyError(
        'busy',
        `${where}: too many queries at once (${err.message}); try again in ${err.retryAfterSeconds} s.`,
        err.retryAfterSeconds,
      );
    }
  }
  if (options.signal?.aborted) {
    release();
    throw new ReadOnlyError('aborted', `${where}: the client went away before the query started`);
  }
  const tag = randomUUID();
  const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ', fetchSize: FETCH_SIZE });
  const work = runInSession(session, db.database, query, params, limits, where, tag);
  // The slot and the session are given back only when Neo4j has really finished with the query.
  const finished = work.then(
    () => undefined,
    () => undefined,
  );
  void finished.then(() => session.close().catch(() => undefined)).finally(release);
  return raceWithStop(db, work, tag, limits, where, options);
}

/** The work, unless the client aborts or the deadline passes first: then terminate and answer now. */
function raceWithStop<T>(
  db: Database,
  work: Promise<T>,
  tag: string,
  limits: ReadOnlyLimits,
  where: string,
  options: RunOptions,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const stop = (err: ReadOnlyError) => {
      if (settled) return;
      settled = true;
      cleanup();
      void terminate(db, tag);
      reject(err);
    };
    const onAbort = () => stop(new ReadOnlyError('aborted', `${where}: the client went away; the query was stopped`));
    const deadline = setTimeout(
      () =>
        stop(
          new ReadOnlyError(
            'deadline',
            `${where}: the query ran longer than the allowed ${limits.timeoutMs} ms and was stopped; narrow it down or add a LIMIT.`,
          ),
        ),
      limits.timeoutMs + (options.graceMs ?? 2_000),
    );
    const cleanup = () => {
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve(value);
      },
      (err: unknown) => {
        if (settled) return;
        settled = true;
        cleanup();
        reject(err);
      },
    );
  });
}

async function runInSession(
  session: Session,
  database: string,
  query: string,
  params: Record<string, unknown>,
  limits: ReadOnlyLimits,
  where: string,
  tag: string,
): Promise<ReadOnlyResult> {
  const tx = await session.beginTransaction({ timeout: limits.timeoutMs, metadata: { methodgraphQuery: tag, app: 'methodgraph' } });
  try {
    await assertReadOnlyPlan(tx, query, params, database, where);
    const result = tx.run(query, params);
    const columns = [...(await result.keys())].map(String);
    const records: Neo4jRecord[] = [];
    let capped = false;
    let bytes = 0;
    for await (const record of result) {
      if (records.length >= limits.rowCap) {
        capped = true;
        break;
      }
      bytes += estimateBytes([...record.values()], limits.byteCap - bytes + 1);
      if (bytes > limits.byteCap) {
        throw new ReadOnlyError(
          'result_too_large',
          `${where}: the result is larger than ${limits.byteCap} bytes (stopped after ${records.length} rows); return fewer or smaller rows (aggregate, or add a LIMIT).`,
        );
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
    return { columns, records, capped, graph: collector.graph() };
  } finally {
    await tx.close().catch(() => undefined);
  }
}
