// GET /api/statements?from=&to=: the papers of the graph that name both ends of a link, with the
// sentences in which they name each. For a taxonomy fact, which is drawn only where some paper names
// both ends, these are the texts a reader can check it against.
import { z } from 'zod';
import { intIn, nodeId } from './params.js';

export const StatementsQuery = z.strictObject({ from: nodeId, to: nodeId, limit: intIn(1, 50, 5) });
export type StatementsQuery = z.infer<typeof StatementsQuery>;

export const Statement = z.object({
  paper: z.object({ id: z.string(), title: z.string(), year: z.number().int().optional() }),
  /** The paper's sentences naming the link's source, then its target (one when a sentence names both). */
  sentences: z.array(z.string()),
});
export type Statement = z.infer<typeof Statement>;

export const StatementsResponse = z.object({
  from: z.string(),
  to: z.string(),
  statements: z.array(Statement),
  /** Papers naming both ends; `statements` holds the first `limit` of them, oldest first. */
  total: z.number().int(),
});
export type StatementsResponse = z.infer<typeof StatementsResponse>;
