// The graph wire format of src/shared/graph.ts as zod schemas, for the responses that carry a graph.
import { z } from 'zod';
import { WIRE_LABELS, RELATIONSHIP_TYPES, type Properties, type WireEdge, type WireGraph, type WireNode } from '../graph.js';

export const PropertiesSchema: z.ZodType<Properties> = z.record(z.string(), z.json());

export const WireNodeSchema: z.ZodType<WireNode> = z.object({
  id: z.string(),
  label: z.enum(WIRE_LABELS),
  name: z.string(),
  properties: PropertiesSchema,
});

export const WireEdgeSchema: z.ZodType<WireEdge> = z.object({
  id: z.string(),
  type: z.enum(RELATIONSHIP_TYPES),
  source: z.string(),
  target: z.string(),
  properties: PropertiesSchema,
});

export const WireGraphSchema: z.ZodType<WireGraph> = z.object({
  nodes: z.array(WireNodeSchema),
  edges: z.array(WireEdgeSchema),
});

/** What a capped answer says about the nodes it left out. */
export const Truncation = { truncated: z.boolean(), omitted: z.number().int().min(0) };
