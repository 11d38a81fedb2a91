// Saved queries (GET /api/queries, POST /api/queries/:name) and ad-hoc Cypher (POST /api/cypher):
// both run read-only with a timeout and a row cap and answer {graph, table: {columns, rows}}
// (schemas in src/shared/api/queries.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { runReadOnly, toCypherParams, type ReadOnlyResult } from '../db/readonly.js';
import { toPlain, toProperties } from '../convert.js';
import { notFound } from '../errors.js';
import { bindParams, describeQuery } from '../saved-queries.js';
import { parseInput } from '../validation.js';
import {
  CypherBody,
  QueryNameParams,
  SavedQueryBody,
  type CypherResponse,
  type QueriesResponse,
  type SavedQueryRunResponse,
} from '../../shared/api/queries.js';
import type { RouteContext } from './context.js';

/** Aborted when the client closes the connection before its answer was sent. */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

function answer(result: ReadOnlyResult, rowCap: number): CypherResponse {
  return {
    graph: result.graph,
    table: { columns: result.columns, rows: result.records.map((r) => [...r.values()].map(toPlain)) },
    capped: result.capped,
    rowCap,
  };
}

export function queryRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/queries', async (): Promise<QueriesResponse> => ({ queries: [...ctx.queries.values()].map(describeQuery) }));

  app.post('/api/queries/:name', async (request, reply): Promise<SavedQueryRunResponse> => {
    const where = 'POST /api/queries/:name';
    const { name } = parseInput(QueryNameParams, request.params, where, 'path parameter');
    const saved = ctx.queries.get(name);
    if (!saved) throw notFound(`${where}: no saved query "${name}"; GET /api/queries lists them: ${[...ctx.queries.keys()].join(', ')}`);
    const { params } = parseInput(SavedQueryBody, request.body ?? {}, where, 'body field');
    const bound = bindParams(saved, params, where);
    const result = await runReadOnly(ctx.db, saved.cypher, bound, ctx.limits, `${where} (${name})`, {
      gate: ctx.gate,
      signal: clientGone(reply),
    });
    return { name, params: toProperties(bound), columns: saved.columns, ...answer(result, ctx.limits.rowCap) };
  });

  app.post('/api/cypher', async (request, reply): Promise<CypherResponse> => {
    const where = 'POST /api/cypher';
    const { query, params } = parseInput(CypherBody, request.body, where, 'body field');
    const result = await runReadOnly(ctx.db, query, toCypherParams(params, where), ctx.limits, where, {
      gate: ctx.gate,
      signal: clientGone(reply),
    });
    return answer(result, ctx.limits.rowCap);
  });
}
