// Builds the Fastify app: the /api routes over one Database, JSON errors without stack traces,
// optional CORS, and (when given a folder) the built explorer with a single-page-app fallback.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Database } from '../neo4j/driver.js';
import { toErrorResponse } from './errors.js';
import { cypherDir as defaultCypherDir } from '../neo4j/paths.js';
import { loadSavedQueries, type SavedQuery } from './saved-queries.js';
import type { RouteContext } from './routes/context.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { graphRoutes } from './routes/graph.js';
import { queryRoutes } from './routes/queries.js';

export interface AppOptions {
  db: Database;
  /** Folder of saved queries (default cypher/); or the queries themselves. */
  cypherDir?: string;
  queries?: Map<string, SavedQuery>;
  /** Timeout of ad-hoc and saved queries in ms (default 10 000). */
  queryTimeoutMs?: number;
  /** Row cap of ad-hoc and saved queries (default 5 000). */
  rowCap?: number;
  /** How long /api/health waits for Neo4j (default 5 000 ms). */
  healthTimeoutMs?: number;
  /** Largest accepted request body in bytes (default 256 KiB). */
  bodyLimit?: number;
  /** Origin allowed to call the API from another site; CORS stays off when unset. */
  corsOrigin?: string;
  /** Folder of the built explorer (dist/); when set it is served with an index.html fallback. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
}

export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;
export const DEFAULT_ROW_CAP = 5_000;
export const DEFAULT_BODY_LIMIT = 256 * 1024;

function applyCors(app: FastifyInstance, origin: string): void {
  app.addHook('onRequest', async (request, reply) => {
    const requestOrigin = request.headers.origin;
    if (!requestOrigin || (origin !== '*' && requestOrigin !== origin)) return;
    reply.header('Access-Control-Allow-Origin', origin === '*' ? '*' : requestOrigin);
    reply.header('Vary', 'Origin');
    if (request.method === 'OPTIONS') {
      reply.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      reply.header('Access-Control-Allow-Headers', 'Content-Type');
      reply.header('Access-Control-Max-Age', '600');
      return reply.status(204).send();
    }
  });
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    routerOptions: { maxParamLength: 1024 },
    trustProxy: false,
  });
  const ctx: RouteContext = {
    db: options.db,
    queries: options.queries ?? loadSavedQueries(options.cypherDir ?? defaultCypherDir),
    limits: { timeoutMs: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS, rowCap: options.rowCap ?? DEFAULT_ROW_CAP },
    healthTimeoutMs: options.healthTimeoutMs ?? 5_000,
  };

  if (options.corsOrigin) applyCors(app, options.corsOrigin);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err, request, reply) => {
    const route = request.routeOptions.url ?? request.url.split('?')[0];
    const { status, body } = toErrorResponse(err, `${request.method} ${route}`);
    if (status === 500) console.error(`methodgraph: ${request.method} ${route} failed:`, err);
    return reply.status(status).send(body);
  });

  healthRoutes(app, ctx);
  searchRoutes(app, ctx);
  graphRoutes(app, ctx);
  queryRoutes(app, ctx);

  const staticDir = options.staticDir;
  const hasIndex = staticDir !== undefined && existsSync(join(staticDir, 'index.html'));
  if (staticDir && existsSync(staticDir)) {
    await app.register(fastifyStatic, { root: staticDir, wildcard: true, index: ['index.html'] });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') && path !== '/api' && request.method === 'GET' && hasIndex) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'not_found', message: `${request.method} ${path}: no such endpoint; the API lives under /api (see GET /api/queries, /api/health)` },
    });
  });

  return app;
}
