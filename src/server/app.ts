// Builds the Fastify app: the /api routes over one Database, every error (fastify's own included) as
// a JSON {error: {code, message}} without stack traces, the Host check and security headers,
// optional CORS, and (when given a folder) the built explorer with a single-page-app fallback.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { createImportanceRefresher, recomputeImportance } from '../neo4j/importance/refresher.js';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Database } from '../neo4j/driver.js';
import { toErrorResponse, type ErrorResponse } from './errors.js';
import { Gate } from './db/gate.js';
import { hostAllowed, SECURITY_HEADERS } from './http-guards.js';
import { cypherDir as defaultCypherDir } from '../neo4j/paths.js';
import { loadSavedQueries, type SavedQuery } from './saved-queries.js';
import { GraphStateReader } from './db/reads/graph-state.js';
import type { RouteContext } from './routes/context.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { graphRoutes } from './routes/graph.js';
import { queryRoutes } from './routes/queries.js';
import { curationRoutes } from './routes/curation.js';
import type { WriteAccess } from './curation/token.js';
import { diffRoutes } from './routes/diff.js';
import { statementRoutes } from './routes/statements.js';

export interface AppOptions {
  db: Database;
  /** Folder of saved queries (default cypher/); or the queries themselves. */
  cypherDir?: string;
  queries?: Map<string, SavedQuery>;
  /** Timeout of ad-hoc and saved queries in ms (default 10 000). */
  queryTimeoutMs?: number;
  /** Row cap of ad-hoc and saved queries (default 5 000). */
  rowCap?: number;
  /** Byte cap of an ad-hoc or saved query's result, estimated as JSON (default 8 MiB). */
  byteCap?: number;
  /** Ad-hoc and saved queries running at once (default 2) and waiting for a turn (default 4). */
  concurrentQueries?: number;
  queuedQueries?: number;
  /** Host names (besides localhost and IP addresses) the Host header may name; `*` allows any. */
  allowedHosts?: string[];
  /** How long /api/health waits for Neo4j (default 5 000 ms). */
  healthTimeoutMs?: number;
  /** Largest accepted request body in bytes (default 256 KiB). */
  bodyLimit?: number;
  /** Origin allowed to call the API from another site; CORS stays off when unset. */
  corsOrigin?: string;
  /** Folder of the built explorer (dist/); when set it is served with an index.html fallback. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** The write token of the curation endpoints (npm start makes one); without it they answer 403. */
  writeAccess?: WriteAccess;
}

const NO_WRITE_ACCESS: WriteAccess = {
  disabled: 'curation is off in this server: it was started without a write token (npm start makes one)',
};

export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;
export const DEFAULT_ROW_CAP = 5_000;
export const DEFAULT_BODY_LIMIT = 256 * 1024;
export const DEFAULT_BYTE_CAP = 8 * 1024 * 1024;
export const DEFAULT_CONCURRENT_QUERIES = 2;
export const DEFAULT_QUEUED_QUERIES = 4;

function sendError(reply: FastifyReply, { status, body, retryAfterSeconds }: ErrorResponse) {
  if (retryAfterSeconds !== undefined) reply.header('Retry-After', String(retryAfterSeconds));
  return reply.status(status).send(body);
}

/** Errors Node's HTTP parser raises before fastify sees a request (431, bad framing): JSON, then close. */
function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: tooLarge
      ? {
          code: 'headers_too_large',
          message: 'the request line or headers are too large (at most 16 KB); send a shorter URL or fewer headers',
        }
      : { code: 'bad_request', message: `the request could not be parsed as HTTP (${err.code ?? 'malformed'}); check the client` },
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

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
    clientErrorHandler,
    // A path that is not valid percent-encoding (/%ff) never reaches a route: answer in our shape.
    frameworkErrors: (err, request, reply) => {
      void sendError(reply as FastifyReply, toErrorResponse(err, `${request.method} ${request.url.split('?')[0]}`));
    },
  });
  const ctx: RouteContext = {
    db: options.db,
    queries: options.queries ?? loadSavedQueries(options.cypherDir ?? defaultCypherDir),
    limits: {
      timeoutMs: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
      rowCap: options.rowCap ?? DEFAULT_ROW_CAP,
      byteCap: options.byteCap ?? DEFAULT_BYTE_CAP,
    },
    gate: new Gate({
      active: options.concurrentQueries ?? DEFAULT_CONCURRENT_QUERIES,
      queued: options.queuedQueries ?? DEFAULT_QUEUED_QUERIES,
      waitMs: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    }),
    healthTimeoutMs: options.healthTimeoutMs ?? 5_000,
    importance: createImportanceRefresher(recomputeImportance(options.db), (error) =>
      app.log.error({ err: error }, 'methodgraph: importance after a curation failed'),
    ),
    graphState: new GraphStateReader(options.db),
  };
  // A computation still running when the server closes finishes before the driver goes.
  app.addHook('onClose', async () => ctx.importance.settled());
  const allowedHosts = new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase()));

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (!hostAllowed(request.headers.host, allowedHosts)) {
      return reply.status(421).send({
        error: {
          code: 'host_not_allowed',
          message: `${request.method} ${request.url.split('?')[0]}: the Host header "${request.headers.host ?? ''}" is not a name this server answers to; open it by localhost or its IP address, or add the name to METHODGRAPH_ALLOWED_HOSTS`,
        },
      });
    }
  });

  if (options.corsOrigin) applyCors(app, options.corsOrigin);

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err, request, reply) => {
    const route = request.routeOptions.url ?? request.url.split('?')[0];
    const response = toErrorResponse(err, `${request.method} ${route}`);
    if (response.status === 500) console.error(`methodgraph: ${request.method} ${route} failed:`, err);
    return sendError(reply, response);
  });

  healthRoutes(app, ctx);
  searchRoutes(app, ctx);
  graphRoutes(app, ctx);
  queryRoutes(app, ctx);
  curationRoutes(app, ctx, options.writeAccess ?? NO_WRITE_ACCESS);
  diffRoutes(app, ctx);
  statementRoutes(app, ctx);

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
      error: {
        code: 'not_found',
        message: `${request.method} ${path}: no such endpoint; the API lives under /api (see GET /api/queries, /api/health)`,
      },
    });
  });

  return app;
}
