// Saved queries (GET /api/queries, POST /api/queries/:name) and ad-hoc Cypher (POST /api/cypher):
// both answer the result as a graph and as a table, with whether the row cap cut it.
import { z } from 'zod';
import { WireGraphSchema } from './wire.js';

export const QueryNameParams = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, { error: 'must be a saved query name such as what-builds-on (see GET /api/queries)' }),
});
export type QueryNameParams = z.infer<typeof QueryNameParams>;

const paramsField = z.record(z.string(), z.unknown(), { error: 'must be a JSON object of parameter values' }).optional().default({});

export const SavedQueryBody = z.strictObject({ params: paramsField });
export type SavedQueryBody = z.input<typeof SavedQueryBody>;

export const CypherBody = z.strictObject({
  query: z
    .string({ error: 'is required: a read-only Cypher statement, e.g. MATCH (m:Method) RETURN m LIMIT 10' })
    .max(20_000, { error: 'must be at most 20000 characters' }),
  params: paramsField,
});
export type CypherBody = z.input<typeof CypherBody>;

export const PARAM_TYPES = ['string', 'int', 'float', 'boolean', 'string[]'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export const ParamValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type ParamValue = z.infer<typeof ParamValue>;

/** A saved query's parameter as its file's header declares it. */
export const SavedQueryParam = z.object({
  name: z.string(),
  type: z.enum(PARAM_TYPES),
  default: ParamValue,
  min: z.number().optional(),
  max: z.number().optional(),
  description: z.string(),
});
export type SavedQueryParam = z.infer<typeof SavedQueryParam>;

export const SavedQueryDescription = z.object({
  /** The file name without `.cypher`: the URL name in POST /api/queries/:name. */
  name: z.string(),
  title: z.string(),
  description: z.string(),
  params: z.array(SavedQueryParam),
  columns: z.array(z.string()),
  cypher: z.string(),
});
export type SavedQueryDescription = z.infer<typeof SavedQueryDescription>;

export const QueriesResponse = z.object({ queries: z.array(SavedQueryDescription) });
export type QueriesResponse = z.infer<typeof QueriesResponse>;

export const CypherResponse = z.object({
  graph: WireGraphSchema,
  /** Every returned row, values as plain JSON (nodes and relationships as references). */
  table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.unknown())) }),
  /** More rows existed than `rowCap`. */
  capped: z.boolean(),
  rowCap: z.number().int(),
});
export type CypherResponse = z.infer<typeof CypherResponse>;

export const SavedQueryRunResponse = CypherResponse.extend({
  name: z.string(),
  /** The parameters as bound: the request's values over the defaults. */
  params: z.record(z.string(), z.json()),
  /** The columns the query's header declares. */
  columns: z.array(z.string()),
});
export type SavedQueryRunResponse = z.infer<typeof SavedQueryRunResponse>;
