// The curation API contract: a person accepting, rejecting, re-kinding, retargeting or adding a link,
// the stored curation records (also the export file's rows), and the rejected links of a view.
// Used by the server routes (request validation), the web client (response parsing) and the CLI.
import { z } from 'zod';
import { BUILDS_ON_KINDS, RELATIONSHIP_TYPES, type WireEdge } from '../graph.js';
import { WireNodeSchema } from './wire.js';

export const CURATION_ACTIONS = ['accept', 'reject', 'kind', 'retarget', 'add'] as const;
export type CurationAction = (typeof CURATION_ACTIONS)[number];

/** What a link's curation made of it, stored on the relationship as `curation`. */
export const CURATION_STATUSES = ['accepted', 'rejected', 'kind-changed', 'retargeted', 'added'] as const;
export type CurationStatus = (typeof CURATION_STATUSES)[number];

/** Header the explorer sends the write token in (`Authorization: Bearer <token>` works too). */
export const TOKEN_HEADER = 'x-methodgraph-token';

const ID_EXAMPLE = 'method:knowledge-distillation';

/** A node id of the shared contract: `<kind>:<key>`, at most 500 characters, no control characters. */
export const CurationNodeId = z
  .string({ error: `is required: a node id such as ${ID_EXAMPLE}` })
  .min(3, { error: `must be a node id such as ${ID_EXAMPLE}` })
  .max(500, { error: 'must be at most 500 characters' })
  .regex(/^[a-z][a-z0-9_-]*:[^\p{Cc}]+$/u, { error: `must be a node id "<kind>:<key>" such as ${ID_EXAMPLE}` });

const kinds = `one of: ${BUILDS_ON_KINDS.join(', ')}`;
const BuildsOnKind = z.enum(BUILDS_ON_KINDS, { error: `must be ${kinds}` });
const LinkType = z.enum(RELATIONSHIP_TYPES, { error: `must be one of: ${RELATIONSHIP_TYPES.join(', ')}` });
const Note = z.string({ error: 'must be text' }).trim().max(2000, { error: 'must be at most 2000 characters' });
const Who = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(100, { error: 'must be at most 100 characters' });

const link = { from: CurationNodeId, to: CurationNodeId, note: Note.optional(), who: Who.optional() };

/** POST /api/curation: one curation of the link (from)-[type]->(to). */
export const CurateBody = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('accept'), ...link, type: LinkType.default('BUILDS_ON') }),
    z.strictObject({ action: z.literal('reject'), ...link, type: LinkType.default('BUILDS_ON') }),
    z.strictObject({ action: z.literal('kind'), ...link, kind: BuildsOnKind }),
    z.strictObject({ action: z.literal('retarget'), ...link, newTarget: CurationNodeId }),
    z.strictObject({
      action: z.literal('add'),
      ...link,
      kind: BuildsOnKind,
      note: Note.pipe(z.string().min(1, { error: 'is required: the evidence for the new link (a sentence, a citation)' })),
    }),
  ],
  { error: `must be one of: ${CURATION_ACTIONS.join(', ')}` },
);
export type CurateBody = z.infer<typeof CurateBody>;

/** One stored curation: what was done to which link, by whom, when, and the link as it was then. */
export const CurationRecord = z.strictObject({
  id: z.string().min(1).max(100),
  action: z.enum(CURATION_ACTIONS, { error: `must be one of: ${CURATION_ACTIONS.join(', ')}` }),
  who: Who,
  at: z.iso.datetime({ error: 'must be an ISO-8601 UTC time such as 2026-12-01T23:30:00.000Z' }),
  note: z.string().max(2000).nullable(),
  from: CurationNodeId,
  to: CurationNodeId,
  type: LinkType,
  /** kind: the new kind; add: the new link's kind. */
  kind: BuildsOnKind.nullable(),
  /** retarget: the node the link now points at. */
  newTarget: CurationNodeId.nullable(),
  /** The link as extracted when it was curated (a retarget carries its evidence over). */
  evidence: z.string().max(20_000).nullable(),
  paperId: z.string().max(500).nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  previousKind: z.string().max(50).nullable(),
});
export type CurationRecord = z.infer<typeof CurationRecord>;

const WireEdgeSchema = z.object({
  id: z.string(),
  type: LinkType,
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), z.unknown()),
});

export const CurateResponse = z.object({
  curation: CurationRecord,
  /** Every relationship of the links the curation touched, as they are now (rejected ones carry curation: "rejected"). */
  edges: z.array(WireEdgeSchema).transform((edges) => edges as WireEdge[]),
});
export type CurateResponse = z.infer<typeof CurateResponse>;

/** GET /api/curation: the curations of one link (from, to, type), of a node (node), or all. */
export const CurationListQuery = z.strictObject({
  from: CurationNodeId.optional(),
  to: CurationNodeId.optional(),
  type: LinkType.optional(),
  node: CurationNodeId.optional(),
});
export type CurationListQuery = z.infer<typeof CurationListQuery>;

export const CurationListResponse = z.object({ curations: z.array(CurationRecord) });
export type CurationListResponse = z.infer<typeof CurationListResponse>;

/** POST /api/curation/rejected-links: the rejected links touching these nodes (a read; no token). */
export const RejectedLinksBody = z.strictObject({
  ids: z.array(CurationNodeId, { error: 'must be a list of node ids' }).max(5000, { error: 'must hold at most 5000 ids' }),
});
export type RejectedLinksBody = z.infer<typeof RejectedLinksBody>;

/** The rejected links that touch the given nodes, and their ends (an end a reload of the view dropped comes back with it). */
export const RejectedLinksResponse = z.object({
  edges: z.array(WireEdgeSchema).transform((edges) => edges as WireEdge[]),
  nodes: z.array(WireNodeSchema),
});
export type RejectedLinksResponse = z.infer<typeof RejectedLinksResponse>;

/** The file `npm run curation -- export FILE` writes and `import FILE` reads (also GET /api/curation/export). */
export const CurationExport = z.strictObject({
  format: z.literal('methodgraph-curations', { error: 'must be "methodgraph-curations"' }),
  version: z.literal(1, { error: 'must be 1' }),
  exportedAt: z.string(),
  curations: z.array(CurationRecord, { error: 'must be a list of curation records' }),
});
export type CurationExport = z.infer<typeof CurationExport>;
