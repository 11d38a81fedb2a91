// The ingest runs a node came from, as GET /api/nodes/:id reports them (the `runs` field of its
// response): run id, the files the run read (names only), when it ran and with which extractor.
import { z } from 'zod';

export const NodeRun = z.object({
  id: z.string(),
  files: z.array(z.string()),
  extractorVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
});
export type NodeRun = z.infer<typeof NodeRun>;

/** The `runs` field of the node-details response, oldest run first. */
export const NodeRunsResponse = z.array(NodeRun);
export type NodeRunsResponse = z.infer<typeof NodeRunsResponse>;
