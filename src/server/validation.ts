// Request validation with the contract's zod schemas (src/shared/api/): `parseInput` turns the first
// problem into a 400 naming the endpoint and the parameter at fault.
import { z } from 'zod';
import { badRequest } from './errors.js';

export type InputKind = 'query parameter' | 'path parameter' | 'body field';

export function parseInput<T>(schema: z.ZodType<T>, value: unknown, where: string, kind: InputKind): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys: string[] }).keys;
    const known = schema instanceof z.ZodObject ? Object.keys(schema.shape).join(', ') : '';
    throw badRequest(`${where}: unknown ${kind} ${keys.map((k) => `"${k}"`).join(', ')}${known ? `; expected only: ${known}` : ''}`);
  }
  const name = issue.path.filter((part) => typeof part === 'string').join('.');
  const label = name ? `${kind} "${name}"` : kind === 'body field' ? 'request body' : kind;
  throw badRequest(`${where}: ${label} ${issue.message}`);
}
