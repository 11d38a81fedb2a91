// The contract of GET /api/diff: the BUILDS_ON lineages of two methods or architectures merged, each
// node and link marked shared / only A / only B, with counts and the ancestors each one adds.
import { z } from 'zod';
import { NODE_LABELS, RELATIONSHIP_TYPES, type WireGraph } from '../graph.js';

const ID_EXAMPLE = 'architecture:clip';

/** A node id `<kind>:<key>` (the same rule as every other endpoint's ids). */
const diffNodeId = z
  .string({ error: `is required: a method or architecture id such as ${ID_EXAMPLE}` })
  .min(3, { error: `must be a node id such as ${ID_EXAMPLE}` })
  .max(500, { error: 'must be at most 500 characters' })
  .regex(/^[a-z][a-z0-9_-]*:[^\p{Cc}]+$/u, { error: `must be a node id "<kind>:<key>" such as ${ID_EXAMPLE}` });

/** A whole number in a range, from a query string or JSON, with a default. */
function wholeIn(min: number, max: number, fallback: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .union([z.number(), z.string().regex(/^-?\d+$/, { error: message })], { error: message })
    .transform(Number)
    .pipe(z.number().int({ error: message }).min(min, { error: message }).max(max, { error: message }))
    .default(fallback);
}

/** Depth and node cap are those of GET /api/lineage/:id, per compared node. */
export const DIFF_MAX_DEPTH = 10;
export const DIFF_MAX_LIMIT = 2000;

export const DiffQuery = z.strictObject({
  a: diffNodeId,
  b: diffNodeId,
  depth: wholeIn(1, DIFF_MAX_DEPTH, 3),
  limit: wholeIn(1, DIFF_MAX_LIMIT, 300),
});
export type DiffQuery = z.infer<typeof DiffQuery>;

export const DIFF_SIDES = ['shared', 'a', 'b'] as const;
export const DiffSide = z.enum(DIFF_SIDES);
export type DiffSide = z.infer<typeof DiffSide>;

const Json = z.json();
const DiffGraph: z.ZodType<WireGraph> = z.object({
  nodes: z.array(z.object({ id: z.string(), label: z.enum(NODE_LABELS), name: z.string(), properties: z.record(z.string(), Json) })),
  edges: z.array(
    z.object({ id: z.string(), type: z.enum(RELATIONSHIP_TYPES), source: z.string(), target: z.string(), properties: z.record(z.string(), Json) }),
  ),
});

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
