// What every endpoint's contract shares: the error envelope the server answers failures with, and
// `parseResponse`, which the web client runs on every answer so a shape the contract does not allow
// is a clear error naming the endpoint and the first problem, never a silently blank view.
import { z } from 'zod';

/** Every failure: `{error: {code, message}}`, the message naming the endpoint and what to do. */
export const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** An answer that does not match its endpoint's schema: a server and client out of step. */
export class ContractError extends Error {
  override name = 'ContractError';
}

/** `json` checked against `schema`; otherwise a ContractError such as `GET /api/search: results.0.score: expected number`. */
export function parseResponse<S extends z.ZodType>(schema: S, json: unknown, endpoint: string): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const at = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the answer';
  throw new ContractError(`${endpoint}: the answer does not match the API contract at ${at}: ${issue.message}`);
}
