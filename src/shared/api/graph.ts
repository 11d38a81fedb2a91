// The graph endpoints: GET /api/nodes/:id, /api/neighbourhood/:id, /api/lineage/:id, /api/path and
// /api/overview. Every answer carries its graph in the wire format; capped ones say what they left out.
import { z } from 'zod';
import { NodeRunsResponse } from './node-runs.js';
import { RELATIONSHIP_TYPES } from '../graph.js';
import { intIn, labelList, nodeId, typeList } from './params.js';
import { Truncation, WireGraphSchema, WireNodeSchema } from './wire.js';

/** The path parameter of every endpoint about one node. */
export const NodeParams = z.strictObject({ id: nodeId });
export type NodeParams = z.infer<typeof NodeParams>;

/**
 * `limit`: the most links in all; `perType`: the most links of one type and direction, so that every
 * kind of link of a hub is listed (counts says how many there are of each).
 */
export const NodeQuery = z.strictObject({ limit: intIn(1, 5000, 500), perType: intIn(1, 5000, 50) });
export type NodeQuery = z.infer<typeof NodeQuery>;

export const RelationshipCount = z.object({
  type: z.string(),
  direction: z.enum(['in', 'out']),
  count: z.number().int(),
});
export type RelationshipCount = z.infer<typeof RelationshipCount>;

export const NodeResponse = z.object({
  node: WireNodeSchema,
  /** Relationships by type and direction, sorted by type then direction. */
  counts: z.array(RelationshipCount),
  degree: z.number().int(),
  /** The node, its neighbours and the edges between it and them (each with its evidence). */
  graph: WireGraphSchema,
  ...Truncation,
  /** The ingest runs (and their files) that wrote the node, oldest first. */
  runs: NodeRunsResponse,
});
export type NodeResponse = z.infer<typeof NodeResponse>;

export const NeighbourhoodQuery = z.strictObject({
  depth: intIn(1, 3, 1),
  labels: labelList,
  types: typeList,
  limit: intIn(1, 2000, 150),
});
export type NeighbourhoodQuery = z.infer<typeof NeighbourhoodQuery>;

export const NeighbourhoodResponse = z.object({
  center: z.string(),
  depth: z.number().int(),
  graph: WireGraphSchema,
  /** Nodes reached (the centre included) before the cap. */
  reached: z.number().int(),
  ...Truncation,
  /** The exploration stopped early at its ceiling: `reached` is a lower bound. */
  exploredPartially: z.boolean(),
});
export type NeighbourhoodResponse = z.infer<typeof NeighbourhoodResponse>;

export const LINEAGE_DIRECTIONS = ['ancestors', 'descendants', 'both'] as const;
export type LineageDirection = (typeof LINEAGE_DIRECTIONS)[number];

export const LineageQuery = z.strictObject({
  direction: z.enum(LINEAGE_DIRECTIONS, { error: `must be one of: ${LINEAGE_DIRECTIONS.join(', ')}` }).default('both'),
  depth: intIn(1, 10, 3),
  limit: intIn(1, 2000, 300),
});
export type LineageQuery = z.infer<typeof LineageQuery>;

/** A paper that proposes a lineage node, as listed in the node's `proposedBy` property. */
export const ProposingPaper = z.object({ id: z.string(), title: z.string(), year: z.number().nullable() });
export type ProposingPaper = z.infer<typeof ProposingPaper>;

export const LineageResponse = z.object({
  root: z.string(),
  direction: z.enum(LINEAGE_DIRECTIONS),
  depth: z.number().int(),
  /** Each node's properties gain `proposedBy` (papers, earliest first) and `proposedYear` (the earliest year or null). */
  graph: WireGraphSchema,
  ...Truncation,
});
export type LineageResponse = z.infer<typeof LineageResponse>;

export const PathQuery = z.strictObject({
  from: nodeId,
  to: nodeId,
  types: typeList,
  max: intIn(1, 10, 6),
  limit: intIn(1, 50, 10),
});
export type PathQuery = z.infer<typeof PathQuery>;

export const PathResponse = z.object({
  from: z.string(),
  to: z.string(),
  found: z.boolean(),
  /** Hops along the shortest paths, null when there is none. */
  length: z.number().int().nullable(),
  /** Each shortest path as the ids of its nodes and edges, in order. */
  paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) })),
  graph: WireGraphSchema,
  max: z.number().int(),
  types: z.array(z.enum(RELATIONSHIP_TYPES)),
});
export type PathResponse = z.infer<typeof PathResponse>;

export const OverviewQuery = z.strictObject({
  /** The largest graph returned whole; a larger one gets an overview of `top` ranked nodes. */
  limit: intIn(1, 2000, 300),
  /** Ranked nodes in the overview of a graph larger than `limit` (0: as many as `limit`); clusters stand for the rest. */
  top: intIn(0, 2000, 0),
  labels: labelList,
  types: typeList,
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

/** A community of ideas the overview leaves partly out; GET /api/communities/:id opens it. */
export const OverviewCluster = z.object({
  /** The community's number (`community` on its nodes). */
  id: z.number().int(),
  /** The names of its (up to three) most important members this overview does not show; of its most important members when it shows them all. */
  name: z.string(),
  size: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  /** Members in this overview. */
  shown: z.number().int(),
  omitted: z.number().int(),
});
export type OverviewCluster = z.infer<typeof OverviewCluster>;

export const OVERVIEW_SELECTIONS = ['importance', 'degree', 'all'] as const;

export const OverviewResponse = z.object({
  graph: WireGraphSchema,
  /** Nodes of the asked labels in the whole database. */
  total: z.number().int(),
  ...Truncation,
  /**
   * `importance`: ranked after the last load by lineage importance; `degree`: the best connected
   * (no ranking matches the graph yet); `all`: the whole graph fits.
   */
  selection: z.enum(OVERVIEW_SELECTIONS),
  /**
   * Communities of ideas with members left out, most important first; with `importance`, `graph`
   * also draws each as a node labelled `Cluster` (id `cluster:<community>`), with BUILDS_ON links
   * aggregated (`properties.count`, `properties.aggregate`) between clusters and shown ideas.
   */
  clusters: z.array(OverviewCluster),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;
