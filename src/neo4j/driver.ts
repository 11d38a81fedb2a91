// Owns the one neo4j-driver instance per process: connects to NEO4J_URI, or starts the bundled
// Neo4j when it is unset, verifies connectivity, and closes everything on exit.
import neo4j, { type AuthToken, type Driver, type Session, type SessionMode } from 'neo4j-driver';
import { dbConfig, type DbConfig } from './config.js';
import { runningBundled, startBundledDb, type RunningDb } from './bundled.js';

export interface Database {
  driver: Driver;
  /** The database name; always passed to sessions. */
  database: string;
  uri: string;
  /** The bundled Neo4j this process started, if any. */
  bundled: RunningDb | undefined;
  session(mode: SessionMode): Session;
  close(): Promise<void>;
}

export function createDriver(uri: string, config: Pick<DbConfig, 'user' | 'password'>): Driver {
  // Without a password we send the 'none' scheme (what neo4j.auth.none() builds; its typings omit it).
  const none: AuthToken = { scheme: 'none', principal: '', credentials: '' };
  const auth = config.password ? neo4j.auth.basic(config.user, config.password) : none;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 20_000,
    // Retry transient failures briefly: while Neo4j is down, reads fail (503) within seconds, not 30 s.
    maxTransactionRetryTime: 5_000,
    userAgent: 'methodgraph',
  });
}

export interface OpenOptions {
  /** Restart the bundled Neo4j this process starts when it dies (default true). */
  restart?: boolean;
  log?: (line: string) => void;
}

/**
 * Opens the database described by the configuration. With NEO4J_URI unset, uses the bundled Neo4j
 * that already serves the data directory (started by `npm start`, `npm run db:start` or another
 * ingest; found through the directory's lock file), or starts one as a child of this process.
 */
export async function openDatabase(config: DbConfig = dbConfig(), options: OpenOptions = {}): Promise<Database> {
  let bundled: RunningDb | undefined;
  let uri: string;
  if (config.uri) {
    uri = config.uri;
  } else {
    const running = runningBundled(config.bundled);
    if (running) {
      uri = running.uri;
    } else {
      bundled = await startBundledDb(config.bundled, { restart: options.restart ?? true, log: options.log });
      uri = bundled.uri;
    }
  }
  const driver = createDriver(uri, config);
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (err) {
    await driver.close();
    await bundled?.stop();
    throw new Error(`methodgraph: cannot reach Neo4j at ${uri} (database "${config.database}"): ${(err as Error).message}`, { cause: err });
  }
  let closed = false;
  return {
    driver,
    database: config.database,
    uri,
    bundled,
    session: (mode) => driver.session({ database: config.database, defaultAccessMode: mode }),
    async close() {
      if (closed) return;
      closed = true;
      await driver.close();
      await bundled?.stop();
    },
  };
}

const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Closes the database on SIGINT, SIGTERM or SIGHUP so no Java process outlives us, then exits; the
 * exit comes only after close() is done (Java has exited), and further signals meanwhile are ignored.
 */
export function closeOnSignals(close: () => Promise<void>): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    close()
      .catch((err: unknown) => console.error(`methodgraph: error while stopping: ${(err as Error).message}`))
      .finally(() => process.exit(SIGNAL_EXIT_CODES[signal] ?? 1));
  };
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as NodeJS.Signals[]) process.on(signal, onSignal);
}
