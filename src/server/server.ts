// Starts the whole server: opens the database (bundled Neo4j unless NEO4J_URI), applies the schema,
// loads the default corpus into an empty database, and listens; used by main.ts and scripts/dev.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { dbConfig, serverConfig, type ServerConfig } from './config.js';
import { openDatabase, type Database } from './db/driver.js';
import { paperCount } from './db/reads.js';
import { applySchema } from './db/schema.js';
import { updateDegrees } from '../../ingest/load/degrees.js';
import { distDir, projectRoot } from './paths.js';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  /** Stops listening, closes the driver and stops the bundled Neo4j. Safe to call twice. */
  close(): Promise<void>;
}

export interface StartOptions {
  config?: ServerConfig;
  /** Serve the built explorer from this folder (default dist/); false for API only. */
  staticDir?: string | false;
  log?: (line: string) => void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

interface IngestModule {
  ingest(db: Database, options: Record<string, unknown>): Promise<unknown>;
}

/** Loads data/papers-listing.txt with ingest/run.ts; a failure is reported, not fatal. */
async function loadDefaultCorpus(db: Database, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  log('methodgraph: the database has no papers; loading the default corpus (data/papers-listing.txt) ...');
  try {
    const modulePath = join(projectRoot, 'ingest', 'run.ts');
    const { ingest } = (await import(/* @vite-ignore */ modulePath)) as IngestModule;
    await ingest(db, {});
    log(`methodgraph: loaded ${await paperCount(db)} papers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    log(
      `methodgraph: src/server/server: loading the default corpus failed: ${(err as Error).message}\n` +
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
    await applySchema(db);
    if ((await paperCount(db)) === 0) await loadDefaultCorpus(db, log);
    else await updateDegrees(db); // graphs loaded by other tools or older versions get degrees for the overview
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
      logger: { level: 'warn' },
    });
    await app.listen({ host: config.host, port: config.port });
    if (!LOOPBACK.has(config.host)) {
      log(`methodgraph: warning: HOST=${config.host} makes the API reachable from other machines; it has no authentication of its own.`);
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return { app, db, url: `http://${host}:${port}/`, close };
  } catch (err) {
    await close();
    throw err;
  }
}
