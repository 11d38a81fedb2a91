// GET /api/health: Neo4j reachable, its version, counts per label and relationship type (200), or
// why not (503, the error envelope with status "unavailable").
import { z } from 'zod';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../graph.js';
import { ErrorResponse } from './common.js';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  neo4j: z.object({ name: z.string(), version: z.string(), edition: z.string() }),
  database: z.string(),
  counts: z.object({
    nodes: z.record(z.enum(NODE_LABELS), z.number().int()),
    relationships: z.record(z.enum(RELATIONSHIP_TYPES), z.number().int()),
  }),
  tookMs: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const HealthUnavailableResponse = ErrorResponse.extend({ status: z.literal('unavailable') });
export type HealthUnavailableResponse = z.infer<typeof HealthUnavailableResponse>;
