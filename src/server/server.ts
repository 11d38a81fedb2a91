// Starts the whole server: opens the database (bundled Neo4j unless NEO4J_URI), applies the schema,
// loads the default corpus into an empty database (with the loader it is handed), and listens;
// used by src/main.ts and scripts/dev.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { serverConfig, type ServerConfig } from './config.js';
import { dbConfig } from '../neo4j/config.js';
import { openDatabase, type Database } from '../neo4j/driver.js';
import { paperCount } from './db/reads/index.js';
import { applySchema } from '../neo4j/schema.js';
import { updateDegrees } from '../neo4j/degrees.js';
import { updateImportance } from '../neo4j/importance/index.js';
import { distDir } from '../neo4j/paths.js';
import { resolveWriteAccess, type WriteAccess } from './curation/token.js';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  /** The curation endpoints' write token, or why curation is refused. */
  writeAccess: WriteAccess;
  /** Stops listening, closes the driver and stops the bundled Neo4j. Safe to call twice. */
  close(): Promise<void>;
}

export interface StartOptions {
  config?: ServerConfig;
  /** Serve the built explorer from this folder (default dist/); false for API only. */
  staticDir?: string | false;
  log?: (line: string) => void;
  /** Loads the default corpus into an empty database (the ingest, handed in by the caller); omitted: start empty. */
  loadDefaultCorpus?: DefaultCorpusLoader;
}

export type DefaultCorpusLoader = (db: Database) => Promise<void>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Loads the default corpus into an empty database; a failure is reported, not fatal. */
async function loadDefaultCorpus(db: Database, load: DefaultCorpusLoader, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  log('methodgraph: the database has no papers; loading the default corpus (data/papers-listing.txt) ...');
  try {
    await load(db);
    log(`methodgraph: loaded ${await paperCount(db)} papers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    log(
      `methodgraph: loading the default corpus failed: ${(err as Error).message}\n` +
        '  The explorer starts with an empty graph. Run `npm run ingest` to see the details and load papers.',
    );
  }
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? serverConfig();
  const log = options.log ?? ((line: string) => console.log(line));
  const db = await openDatabase(dbConfig());
  let app: FastifyInstance | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await app?.close();
    } finally {
      await db.close();
    }
  };
  try {
    const writeAccess = resolveWriteAccess({ host: config.host });
    await applySchema(db);
    if ((await paperCount(db)) === 0 && options.loadDefaultCorpus) await loadDefaultCorpus(db, options.loadDefaultCorpus, log);
    else {
      // Graphs loaded by other tools or older versions get degrees, importance and the overview ranking.
      await updateDegrees(db);
      await updateImportance(db);
    }
    const staticDir = options.staticDir === false ? undefined : (options.staticDir ?? distDir);
    if (staticDir && !existsSync(join(staticDir, 'index.html'))) {
      log(`methodgraph: ${staticDir}/index.html is missing, so only the API is served; run \`npm run build\` (npm start does it for you).`);
    }
    app = await buildApp({
      db,
      staticDir,
      corsOrigin: config.corsOrigin,
      queryTimeoutMs: config.queryTimeoutMs,
      rowCap: config.rowCap,
      bodyLimit: config.bodyLimit,
      byteCap: config.byteCap,
      concurrentQueries: config.concurrentQueries,
      allowedHosts: config.allowedHosts,
      writeAccess,
      logger: { level: 'warn' },
    });
    await app.listen({ host: config.host, port: config.port });
    if (!LOOPBACK.has(config.host)) {
      log(
        `methodgraph: warning: HOST=${config.host} makes the API reachable from other machines; its reads have no authentication of its own.`,
      );
      if ('disabled' in writeAccess) log(`methodgraph: ${writeAccess.disabled}.`);
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return { app, db, url: `http://${host}:${port}/`, writeAccess, close };
  } catch (err) {
    await close();
    throw err;
  }
}
