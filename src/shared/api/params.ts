// Request fields several endpoints share: whole numbers in a range (from a query string or JSON),
// node ids, and whitelisted lists of labels and relationship types. Messages say what is expected;
// the server prefixes them with the endpoint and the parameter.
import { z } from 'zod';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../graph.js';

/** A whole number within a range, from a query string or JSON, with a default. */
export function intIn(min: number, max: number, fallback: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .union([z.number(), z.string().regex(/^-?\d+$/, { error: message })], { error: message })
    .transform(Number)
    .pipe(z.number().int({ error: message }).min(min, { error: message }).max(max, { error: message }))
    .default(fallback);
}

const ID_EXAMPLE = 'method:knowledge-distillation';

/** A node id of the shared contract: `<kind>:<key>`, at most 500 characters, no control characters. */
export const nodeId = z
  .string({ error: `is required: a node id such as ${ID_EXAMPLE}` })
  .min(3, { error: `must be a node id such as ${ID_EXAMPLE}` })
  .max(500, { error: 'must be at most 500 characters' })
  .regex(/^[a-z][a-z0-9_-]*:[^\p{Cc}]+$/u, { error: `must be a node id "<kind>:<key>" such as ${ID_EXAMPLE}` });

/** A list given as `a,b` or as repeated parameters; each item from a whitelist; empty means all. */
function listOf<T extends string>(allowed: readonly T[], what: string) {
  const message = `must be a comma-separated list of ${what}: ${allowed.join(', ')}`;
  return z
    .union([z.string(), z.array(z.string())], { error: message })
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(allowed as unknown as [T, ...T[]], { error: message })))
    .optional()
    .transform((v) => (v && v.length > 0 ? [...new Set(v)] : [...allowed]));
}

export const labelList = listOf(NODE_LABELS, 'node labels');
export const typeList = listOf(RELATIONSHIP_TYPES, 'relationship types');
