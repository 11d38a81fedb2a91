// GET /api/search?q=&labels=&limit=: ranked full-text search over names, aliases, titles and abstracts.
import { z } from 'zod';
import { NODE_LABELS } from '../graph.js';
import { intIn, labelList } from './params.js';
import { WireNodeSchema } from './wire.js';

export const SearchQuery = z.strictObject({
  q: z
    .string({ error: 'is required: the text to search for, e.g. q=mamba' })
    .trim()
    .min(1, { error: 'must not be empty: the text to search for, e.g. q=mamba' })
    .max(200, { error: 'must be at most 200 characters' }),
  labels: labelList,
  limit: intIn(1, 100, 20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  /** The node; its properties leave out the abstract (GET /api/nodes/:id has it). */
  node: WireNodeSchema,
  score: z.number(),
  /** The alias that matched when the name itself did not. */
  matched: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({
  query: z.string(),
  labels: z.array(z.enum(NODE_LABELS)),
  limit: z.number().int(),
  results: z.array(SearchHit),
});
export type SearchResponse = z.infer<typeof SearchResponse>;
