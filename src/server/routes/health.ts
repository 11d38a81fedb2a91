// GET /api/health: Neo4j reachable, its version, counts per label and relationship type; 503 while
// Neo4j is down. Nothing is cached, so the answer turns 200 again as soon as Neo4j is back.
import type { FastifyInstance } from 'fastify';
import { health } from '../db/reads/index.js';
import { toErrorResponse } from '../errors.js';
import type { HealthResponse, HealthUnavailableResponse } from '../../shared/api/health.js';
import type { RouteContext } from './context.js';

export function healthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/health', async (request, reply) => {
    const started = Date.now();
    try {
      const info = await health(ctx.db, ctx.healthTimeoutMs);
      const ok: HealthResponse = { status: 'ok', ...info, tookMs: Date.now() - started };
      return ok;
    } catch (err) {
      const { status, body } = toErrorResponse(err, 'GET /api/health');
      if (status >= 500 && status !== 503) request.log.error(err);
      const unavailable: HealthUnavailableResponse = { status: 'unavailable', ...body };
      return reply.status(status >= 500 ? 503 : status).send(unavailable);
    }
  });
}
