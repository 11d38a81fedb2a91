// Saved queries (GET /api/queries, POST /api/queries/:name) and ad-hoc Cypher (POST /api/cypher):
// both run read-only with a timeout and a row cap and answer {graph, table: {columns, rows}}.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { runReadOnly, toCypherParams, type ReadOnlyResult } from '../db/readonly.js';
import { toPlain } from '../convert.js';
import { notFound } from '../errors.js';
import { bindParams, describeQuery } from '../saved-queries.js';
import { parseInput } from '../validation.js';
import type { RouteContext } from './context.js';

const QueryName = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, { error: 'must be a saved query name such as what-builds-on (see GET /api/queries)' }),
});

const paramsField = z.record(z.string(), z.unknown(), { error: 'must be a JSON object of parameter values' }).optional().default({});

const SavedQueryBody = z.strictObject({ params: paramsField });

const CypherBody = z.strictObject({
  query: z
    .string({ error: 'is required: a read-only Cypher statement, e.g. MATCH (m:Method) RETURN m LIMIT 10' })
    .max(20_000, { error: 'must be at most 20000 characters' }),
  params: paramsField,
});

/** Aborted when the client closes the connection before its answer was sent. */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

function answer(result: ReadOnlyResult, rowCap: number) {
  return {
    graph: result.graph,
    table: { columns: result.columns, rows: result.records.map((r) => [...r.values()].map(toPlain)) },
    capped: result.capped,
    rowCap,
  };
}

export function queryRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/queries', async () => ({ queries: [...ctx.queries.values()].map(describeQuery) }));

  app.post('/api/queries/:name', async (request, reply) => {
    const where = 'POST /api/queries/:name';
    const { name } = parseInput(QueryName, request.params, where, 'path parameter');
    const saved = ctx.queries.get(name);
    if (!saved) throw notFound(`${where}: no saved query "${name}"; GET /api/queries lists them: ${[...ctx.queries.keys()].join(', ')}`);
    const { params } = parseInput(SavedQueryBody, request.body ?? {}, where, 'body field');
    const bound = bindParams(saved, params, where);
    const result = await runReadOnly(ctx.db, saved.cypher, bound, ctx.limits, `${where} (${name})`, { gate: ctx.gate, signal: clientGone(reply) });
    return { name, params: toPlain(bound), columns: saved.columns, ...answer(result, ctx.limits.rowCap) };
  });

  app.post('/api/cypher', async (request, reply) => {
    const where = 'POST /api/cypher';
    const { query, params } = parseInput(CypherBody, request.body, where, 'body field');
    const result = await runReadOnly(ctx.db, query, toCypherParams(params, where), ctx.limits, where, { gate: ctx.gate, signal: clientGone(reply) });
    return answer(result, ctx.limits.rowCap);
  });
}
