// GET /api/diff?a=&b=&depth=&limit=: the lineages of two methods or architectures compared; the
// request is checked against the shared contract, unknown ids answer 404 naming the parameter.
import type { FastifyInstance } from 'fastify';
import { DiffQuery, type DiffResponse } from '../../shared/api/diff.js';
import { lineageDiff } from '../db/reads/diff.js';
import { badRequest, notFound } from '../errors.js';
import { parseInput } from '../validation.js';
import type { RouteContext } from './context.js';

export function diffRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/diff', async (request): Promise<DiffResponse> => {
    const where = 'GET /api/diff';
    const { a, b, depth, limit } = parseInput(DiffQuery, request.query, where, 'query parameter');
    if (a === b)
      throw badRequest(`${where}: query parameters "a" and "b" are the same node (${a}); give two different methods or architectures`);
    const result = await lineageDiff(ctx.db, a, b, { depth, limit }, ctx.limits.timeoutMs);
    if ('missing' in result) {
      const id = result.missing === 'a' ? a : b;
      throw notFound(`${where}: no node with id "${id}" (query parameter "${result.missing}"); find ids with GET /api/search?q=<name>`);
    }
    if ('wrongLabel' in result) {
      throw badRequest(
        `${where}: query parameter "${result.param}" is a ${result.wrongLabel}; a diff compares the BUILDS_ON lineages of two methods or architectures, so give method:... or architecture:... ids`,
      );
    }
    return result;
  });
}
