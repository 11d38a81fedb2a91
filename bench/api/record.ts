// Wraps a Database so every statement the API runs (through sessions, read transactions or
// auto-commit) is recorded with its parameters: the input of the EXPLAIN check and of the driver baseline.
import type { ManagedTransaction, Session } from 'neo4j-driver';
import type { Database } from '../../src/neo4j/driver.js';

export interface Statement {
  query: string;
  params: Record<string, unknown>;
}

export interface Recorder {
  db: Database;
  /** Statements recorded since the last take(). */
  take(): Statement[];
}

function recordingTx(tx: ManagedTransaction, log: Statement[]): ManagedTransaction {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === 'run') {
        return (query: string, params?: Record<string, unknown>) => {
          log.push({ query, params: params ?? {} });
          return target.run(query, params);
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function recordingSession(session: Session, log: Statement[]): Session {
  return new Proxy(session, {
    get(target, prop, receiver) {
      if (prop === 'executeRead' || prop === 'executeWrite') {
        return (work: (tx: ManagedTransaction) => Promise<unknown>, config?: unknown) =>
          (target[prop] as (w: (tx: ManagedTransaction) => Promise<unknown>, c?: unknown) => Promise<unknown>)(
            (tx) => work(recordingTx(tx, log)),
            config,
          );
      }
      if (prop === 'run') {
        return (query: string, params?: Record<string, unknown>, config?: unknown) => {
          log.push({ query, params: params ?? {} });
          return (target.run as (q: string, p?: unknown, c?: unknown) => unknown)(query, params, config);
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function recordingDatabase(db: Database): Recorder {
  let log: Statement[] = [];
  const wrapped: Database = { ...db, session: (mode) => recordingSession(db.session(mode), log), close: async () => {} };
  return {
    db: wrapped,
    take() {
      const out = log;
      log = [];
      return out;
    },
  };
}
