// The contract of GET /api/diff: the BUILDS_ON lineages of two methods or architectures merged, each
// node and link marked shared / only A / only B, with counts and the ancestors each one adds.
import { z } from 'zod';
import { intIn, nodeId } from './params.js';
import { WireGraphSchema } from './wire.js';

/** Depth and node cap are those of GET /api/lineage/:id, per compared node. */
export const DIFF_MAX_DEPTH = 10;
export const DIFF_MAX_LIMIT = 2000;

export const DiffQuery = z.strictObject({
  a: nodeId,
  b: nodeId,
  depth: intIn(1, DIFF_MAX_DEPTH, 3),
  limit: intIn(1, DIFF_MAX_LIMIT, 300),
});
export type DiffQuery = z.infer<typeof DiffQuery>;

export const DIFF_SIDES = ['shared', 'a', 'b'] as const;
export const DiffSide = z.enum(DIFF_SIDES);
export type DiffSide = z.infer<typeof DiffSide>;

const DiffGraph = WireGraphSchema;

const SideCounts = z.object({ shared: z.number().int().min(0), a: z.number().int().min(0), b: z.number().int().min(0) });
export type SideCounts = z.infer<typeof SideCounts>;

/** An ancestor in a list: how many BUILDS_ON steps it is from A and from B (null: not an ancestor of that one). */
export const DiffAncestor = z.object({
  id: z.string(),
  name: z.string(),
  depthA: z.number().int().min(1).nullable(),
  depthB: z.number().int().min(1).nullable(),
});
export type DiffAncestor = z.infer<typeof DiffAncestor>;

export const DiffResponse = z.object({
  a: z.string(),
  b: z.string(),
  depth: z.number().int(),
  /** Both lineages merged; nodes carry `proposedBy` and `proposedYear` as in GET /api/lineage/:id. */
  graph: DiffGraph,
  /** Which lineage each node and BUILDS_ON link belongs to. */
  sides: z.object({ nodes: z.record(z.string(), DiffSide), edges: z.record(z.string(), DiffSide) }),
  counts: z.object({ nodes: SideCounts, edges: SideCounts }),
  /** Ancestors both build on, and those only A or only B builds on (the other compared node left out), nearest first. */
  ancestors: z.object({ shared: z.array(DiffAncestor), onlyA: z.array(DiffAncestor), onlyB: z.array(DiffAncestor) }),
  truncated: z.boolean(),
  omitted: z.number().int().min(0),
});
export type DiffResponse = z.infer<typeof DiffResponse>;
