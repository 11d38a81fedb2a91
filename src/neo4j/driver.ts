// Owns the one neo4j-driver instance per process: connects to NEO4J_URI, or starts the bundled
// Neo4j when it is unset, verifies connectivity, and closes everything on exit.
import neo4j, { type AuthToken, type Driver, type Session, type SessionMode } from 'neo4j-driver';
import { dbConfig, type DbConfig } from './config.js';
import { runningDetached, startBundledDb, type RunningDb } from './bundled.js';

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

/**
 * Opens the database described by the configuration. With NEO4J_URI unset, reuses a bundled Neo4j
 * started by `npm run db:start`, or starts one as a child of this process.
 */
export async function openDatabase(config: DbConfig = dbConfig()): Promise<Database> {
  let bundled: RunningDb | undefined;
  let uri = config.uri;
  if (!uri) {
    const detached = runningDetached(config.bundled);
    if (detached) {
      uri = detached.uri;
    } else {
      bundled = await startBundledDb(config.bundled);
      uri = bundled.uri;
    }
  }
  const driver = createDriver(uri, config);
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (err) {
    await driver.close();
    await bundled?.stop();
    throw new Error(`methodgraph: cannot reach Neo4j at ${uri} (database "${config.database}"): ${(err as Error).message}`);
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

/** Closes the database on SIGINT/SIGTERM so no Java process outlives us, then exits. */
export function closeOnSignals(close: () => Promise<void>): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    close()
      .catch((err: unknown) => console.error(`methodgraph: error while stopping: ${(err as Error).message}`))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
