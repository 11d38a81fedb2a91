// The graph endpoints: node details, neighbourhood, lineage, shortest paths and overview, each
// validating its input and answering in the wire format, with the schemas of src/shared/api/graph.ts.
import type { FastifyInstance } from 'fastify';
import { communityMembers, lineage, neighbourhood, nodeDetails, OverviewReader, shortestPaths } from '../db/reads/index.js';
import { CommunityParams, CommunityQuery, type CommunityResponse } from '../../shared/api/communities.js';
import { badRequest, notFound } from '../errors.js';
import { parseInput } from '../validation.js';
import {
  LineageQuery,
  NeighbourhoodQuery,
  NodeParams,
  NodeQuery,
  OverviewQuery,
  PathQuery,
  type LineageResponse,
  type NeighbourhoodResponse,
  type NodeResponse,
  type PathResponse,
} from '../../shared/api/graph.js';
import type { RouteContext } from './context.js';

const noNode = (where: string, param: string, id: string) =>
  notFound(`${where}: no node with id "${id}" (${param}); find ids with GET /api/search?q=<name>`);

export function graphRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const overviews = new OverviewReader(ctx.db, ctx.graphState);
  app.get('/api/nodes/:id', async (request): Promise<NodeResponse> => {
    const where = 'GET /api/nodes/:id';
    const { id } = parseInput(NodeParams, request.params, where, 'path parameter');
    const options = parseInput(NodeQuery, request.query, where, 'query parameter');
    const details = await nodeDetails(ctx.db, id, options, ctx.limits.timeoutMs);
    if (!details) throw noNode(where, 'path parameter "id"', id);
    return details;
  });

  app.get('/api/neighbourhood/:id', async (request): Promise<NeighbourhoodResponse> => {
    const where = 'GET /api/neighbourhood/:id';
    const { id } = parseInput(NodeParams, request.params, where, 'path parameter');
    const options = parseInput(NeighbourhoodQuery, request.query, where, 'query parameter');
    const result = await neighbourhood(ctx.db, id, options, ctx.limits.timeoutMs);
    if (!result) throw noNode(where, 'path parameter "id"', id);
    return result;
  });

  app.get('/api/lineage/:id', async (request): Promise<LineageResponse> => {
    const where = 'GET /api/lineage/:id';
    const { id } = parseInput(NodeParams, request.params, where, 'path parameter');
    const options = parseInput(LineageQuery, request.query, where, 'query parameter');
    const result = await lineage(ctx.db, id, options, ctx.limits.timeoutMs);
    if (result === 'not-found') throw noNode(where, 'path parameter "id"', id);
    if ('wrongLabel' in result) {
      throw badRequest(
        `${where}: path parameter "id" is a ${result.wrongLabel}; lineage follows BUILDS_ON between methods and architectures, so give a method:... or architecture:... id`,
      );
    }
    return result;
  });

  app.get('/api/path', async (request): Promise<PathResponse> => {
    const where = 'GET /api/path';
    const { from, to, types, max, limit } = parseInput(PathQuery, request.query, where, 'query parameter');
    if (from === to) throw badRequest(`${where}: query parameters "from" and "to" are the same node; give two different ids`);
    const result = await shortestPaths(ctx.db, from, to, { types, maxHops: max, limit }, ctx.limits.timeoutMs);
    if ('missing' in result) throw noNode(where, `query parameter "${result.missing}"`, result.missing === 'from' ? from : to);
    return { ...result, max, types };
  });

  // The overview is served as JSON kept per stored ranking (an OverviewResponse): no per-request serialisation.
  app.get('/api/overview', async (request, reply) => {
    const where = 'GET /api/overview';
    const options = parseInput(OverviewQuery, request.query, where, 'query parameter');
    const json = await overviews.overviewJson(options, ctx.limits.timeoutMs);
    return reply.type('application/json; charset=utf-8').send(json);
  });

  app.get('/api/communities/:community', async (request): Promise<CommunityResponse> => {
    const where = 'GET /api/communities/:community';
    const { community } = parseInput(CommunityParams, request.params, where, 'path parameter');
    const options = parseInput(CommunityQuery, request.query, where, 'query parameter');
    const result = await communityMembers(ctx.db, community, options, ctx.limits.timeoutMs);
    if (result.total === 0) throw notFound(`${where}: no community ${community}; GET /api/overview lists them under "clusters"`);
    return result;
  });
}
