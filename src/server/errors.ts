// API errors: one class carrying an HTTP status and a stable code, and the mapping of Neo4j and
// Fastify failures to `{error: {code, message}}` bodies without stack traces.
import type { ErrorResponse as ErrorEnvelope } from '../shared/api/common.js';
import { ReadOnlyError, type ReadOnlyFailure } from './db/readonly.js';
import { isAccessModeError, isClientError, isOutOfMemory, isPoolExhausted, isTimeout, isUnavailable } from './db/neo4j-errors.js';

export type ErrorCode =
  | 'invalid_parameter'
  | 'not_found'
  | 'write_refused'
  | 'query_timeout'
  | 'query_too_large'
  | 'cypher_error'
  | 'database_unavailable'
  | 'query_too_complex'
  | 'result_too_large'
  | 'busy'
  | 'client_closed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'headers_too_large'
  | 'forbidden'
  | 'unauthorized'
  | 'host_not_allowed'
  | 'method_not_allowed'
  | 'bad_request'
  | 'internal_error';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Seconds after which a retry is reasonable (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'invalid_parameter', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const writeRefused = (message: string) => new ApiError(403, 'write_refused', message);

/** The contract's error envelope, with the codes this server uses. */
export interface ErrorBody extends ErrorEnvelope {
  error: { code: ErrorCode; message: string };
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

const READ_ONLY_STATUS: Record<ReadOnlyFailure, [number, ErrorCode]> = {
  empty: [400, 'invalid_parameter'],
  refused: [403, 'write_refused'],
  too_complex: [400, 'query_too_complex'],
  syntax: [400, 'cypher_error'],
  params_too_deep: [400, 'invalid_parameter'],
  result_too_large: [413, 'result_too_large'],
  busy: [503, 'busy'],
  deadline: [504, 'query_timeout'],
  aborted: [499, 'client_closed'],
};

/** What fastify and its plugins mean by a 4xx they raise themselves, for requests that never reached a route. */
function frameworkHint(status: number, code: unknown, message: string): [ErrorCode, string] {
  if (status === 413) return ['payload_too_large', 'the request body is larger than the limit; send a smaller body'];
  if (status === 415) return ['unsupported_media_type', 'send the body as JSON with Content-Type: application/json'];
  if (status === 404) return ['not_found', 'no such file or endpoint'];
  if (status === 403) return ['forbidden', 'access to this path is not allowed'];
  if (status === 405) return ['method_not_allowed', 'this method is not allowed here'];
  if (status === 431) return ['headers_too_large', 'the request line or headers are too large; send a shorter URL'];
  if (typeof code === 'string' && code.startsWith('FST_ERR_CTP_'))
    return ['invalid_parameter', `the request body could not be read: ${message}`];
  return ['bad_request', `the request could not be handled: ${message}`];
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** Seconds for a Retry-After header, when retrying later can help. */
  retryAfterSeconds?: number;
}

/** Turns any thrown value into a status and a body that is safe to show to a client. */
export function toErrorResponse(err: unknown, where: string): ErrorResponse {
  const body = (status: number, code: ErrorCode, message: string, retryAfterSeconds?: number): ErrorResponse => ({
    status,
    body: { error: { code, message } },
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
  if (err instanceof ApiError) return body(err.status, err.code, err.message, err.retryAfterSeconds);
  if (err instanceof ReadOnlyError) {
    const [status, code] = READ_ONLY_STATUS[err.kind];
    return body(status, code, err.message, err.retryAfterSeconds);
  }
  if (isPoolExhausted(err)) {
    return body(503, 'busy', `${where}: every connection to Neo4j is busy; try again in a few seconds.`, 5);
  }
  if (isUnavailable(err)) {
    return body(
      503,
      'database_unavailable',
      `${where}: Neo4j is not reachable right now (stopped or restarting); the server keeps trying and answers again as soon as it is back. Check the database process or NEO4J_URI.`,
      5,
    );
  }
  if (isTimeout(err)) {
    return body(
      504,
      'query_timeout',
      `${where}: the query ran longer than the allowed time and was stopped; narrow it down or add a LIMIT.`,
    );
  }
  if (isOutOfMemory(err)) {
    return body(
      400,
      'query_too_large',
      `${where}: the query needs more memory than a transaction may use and was stopped; return fewer or smaller rows (aggregate, or add a LIMIT).`,
    );
  }
  if (isAccessModeError(err)) {
    return body(
      403,
      'write_refused',
      `${where}: writes are not allowed; the API only reads the graph (${firstLine((err as Error).message)})`,
    );
  }
  if (isClientError(err)) return body(400, 'cypher_error', `${where}: Neo4j rejected the query: ${firstLine(err.message)}`);
  const fastify = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const [code, hint] = frameworkHint(fastify.statusCode, fastify.code, String(fastify.message));
    return body(fastify.statusCode, code, `${where}: ${hint}`);
  }
  return body(500, 'internal_error', `${where}: unexpected server error; see the server log for details.`);
}
