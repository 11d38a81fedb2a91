// GET /api/statements?from=&to=&limit=: the papers that name both ends of a link, with their
// sentences; unknown ids answer 404 naming the parameter.
import type { FastifyInstance } from 'fastify';
import { StatementsQuery, type StatementsResponse } from '../../shared/api/statements.js';
import { linkStatements } from '../db/reads/statements.js';
import { notFound } from '../errors.js';
import { parseInput } from '../validation.js';
import type { RouteContext } from './context.js';

export function statementRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/statements', async (request): Promise<StatementsResponse> => {
    const where = 'GET /api/statements';
    const { from, to, limit } = parseInput(StatementsQuery, request.query, where, 'query parameter');
    const result = await linkStatements(ctx.db, from, to, limit, ctx.limits.timeoutMs);
    if ('missing' in result) {
      const id = result.missing === 'from' ? from : to;
      throw notFound(`${where}: no node with id "${id}" (query parameter "${result.missing}"); find ids with GET /api/search?q=<name>`);
    }
    return result;
  });
}
