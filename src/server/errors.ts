// API errors: one class carrying an HTTP status and a stable code, and the mapping of Neo4j and
// Fastify failures to `{error: {code, message}}` bodies without stack traces.
import { Neo4jError } from 'neo4j-driver';

export type ErrorCode =
  | 'invalid_parameter'
  | 'not_found'
  | 'write_refused'
  | 'query_timeout'
  | 'query_too_large'
  | 'cypher_error'
  | 'database_unavailable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal_error';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'invalid_parameter', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const writeRefused = (message: string) => new ApiError(403, 'write_refused', message);

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** True when an error means Neo4j could not be reached (stopped, restarting, network gone). */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.General.Database'))) return true;
  return /ECONNREFUSED|ECONNRESET|Connection was closed by server|Pool is closed|connect ECONN/i.test(err.message);
}

/** Neo4j stopped the transaction because it needed more memory than it may use. */
export function isOutOfMemory(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /MemoryPoolOutOfMemoryError|MemoryLimit|OutOfMemory/i.test(code);
}

export function isTimeout(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/** Turns any thrown value into a status and a body that is safe to show to a client. */
export function toErrorResponse(err: unknown, where: string): { status: number; body: ErrorBody } {
  const body = (status: number, code: ErrorCode, message: string) => ({ status, body: { error: { code, message } } });
  if (err instanceof ApiError) return body(err.status, err.code, err.message);
  if (isUnavailable(err)) {
    return body(
      503,
      'database_unavailable',
      `${where}: Neo4j is not reachable right now (stopped or restarting); the server keeps trying and answers again as soon as it is back. Check the database process or NEO4J_URI.`,
    );
  }
  if (isTimeout(err)) {
    return body(504, 'query_timeout', `${where}: the query ran longer than the allowed time and was stopped; narrow it down or add a LIMIT.`);
  }
  if (isOutOfMemory(err)) {
    return body(400, 'query_too_large', `${where}: the query needs more memory than a transaction may use and was stopped; return fewer or smaller rows (aggregate, or add a LIMIT).`);
  }
  if (err instanceof Neo4jError) {
    const code = err.code ?? '';
    if (code.startsWith('Neo.ClientError.Statement.AccessMode') || code.startsWith('Neo.ClientError.Security.Forbidden')) {
      return body(403, 'write_refused', `${where}: writes are not allowed; the API only reads the graph (${firstLine(err.message)})`);
    }
    if (code.startsWith('Neo.ClientError.')) {
      return body(400, 'cypher_error', `${where}: Neo4j rejected the query: ${firstLine(err.message)}`);
    }
  }
  const fastify = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const status = fastify.statusCode;
    const code: ErrorCode = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 404 ? 'not_found' : 'invalid_parameter';
    const hint =
      status === 413
        ? 'the request body is larger than the limit; send a smaller body'
        : status === 415
          ? 'send the body as JSON with Content-Type: application/json'
          : `the request body could not be read: ${String(fastify.message)}`;
    return body(status, code, `${where}: ${hint}`);
  }
  return body(500, 'internal_error', `${where}: unexpected server error; see the server log for details.`);
}
