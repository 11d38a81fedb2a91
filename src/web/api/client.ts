// The explorer's HTTP client for the methodgraph API: one function per endpoint, each answer parsed
// with its schema from src/shared/api/ (a mismatch is an ApiError naming the endpoint and the first
// problem), errors turned into ApiError with the server's message or a clear one when it cannot be reached.
import type { z } from 'zod';
import { ContractError, ErrorResponse, parseResponse } from '../../shared/api/common.js';
import {
  LineageResponse,
  NeighbourhoodResponse,
  NodeResponse,
  OverviewResponse,
  PathResponse,
  type LineageDirection,
} from '../../shared/api/graph.js';
import { CypherResponse, QueriesResponse, SavedQueryRunResponse } from '../../shared/api/queries.js';
import { SearchResponse } from '../../shared/api/search.js';
import { CommunityResponse } from '../../shared/api/communities.js';
import { StatementsResponse } from '../../shared/api/statements.js';

export type { NodeResponse, PathResponse } from '../../shared/api/graph.js';
export type { CypherResponse, SavedQueryDescription, SavedQueryParam } from '../../shared/api/queries.js';
export type { SearchHit } from '../../shared/api/search.js';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** How long the explorer waits for an answer before it reports the API as not answering. */
export const REQUEST_TIMEOUT_MS = 15_000;

export async function request<S extends z.ZodType>(schema: S, method: 'GET' | 'POST', path: string, body?: unknown): Promise<z.output<S>> {
  const endpoint = `${method} ${path}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    const why = (err as Error).name === 'TimeoutError' ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : (err as Error).message;
    throw new ApiError(
      `web/api: cannot reach the methodgraph API (${endpoint}): ${why}. Is the server (and its database) running?`,
      0,
      'UNREACHABLE',
    );
  }
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: reported below */
  }
  if (!res.ok) {
    const failure = ErrorResponse.safeParse(json);
    if (failure.success) throw new ApiError(failure.data.error.message, res.status, failure.data.error.code);
    throw new ApiError(
      `web/api: ${endpoint} failed with HTTP ${res.status}: ${text.slice(0, 200) || res.statusText}`,
      res.status,
      `HTTP_${res.status}`,
    );
  }
  if (json === undefined) throw new ApiError(`web/api: ${endpoint} answered with something that is not JSON`, res.status, 'BAD_RESPONSE');
  try {
    return parseResponse(schema, json, `web/api: ${endpoint}`);
  } catch (err) {
    if (err instanceof ContractError) throw new ApiError(err.message, res.status, 'BAD_RESPONSE');
    throw err;
  }
}

const q = (params: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const api = {
  /** The whole graph when it has at most `limit` nodes, else an overview of `top` ranked nodes and clusters for the rest. */
  overview(limit: number, top = 0): Promise<OverviewResponse> {
    return request(OverviewResponse, 'GET', `/api/overview${q({ limit, top: top || undefined })}`);
  },
  search(text: string, limit = 10): Promise<SearchResponse> {
    return request(SearchResponse, 'GET', `/api/search${q({ q: text, limit })}`);
  },
  community(id: number, limit = 60): Promise<CommunityResponse> {
    return request(CommunityResponse, 'GET', `/api/communities/${id}${q({ limit })}`);
  },
  node(id: string): Promise<NodeResponse> {
    return request(NodeResponse, 'GET', `/api/nodes/${encodeURIComponent(id)}`);
  },
  neighbourhood(id: string, opts: { depth?: number; limit?: number } = {}): Promise<NeighbourhoodResponse> {
    return request(
      NeighbourhoodResponse,
      'GET',
      `/api/neighbourhood/${encodeURIComponent(id)}${q({ depth: opts.depth ?? 1, limit: opts.limit })}`,
    );
  },
  lineage(id: string, direction: LineageDirection = 'both'): Promise<LineageResponse> {
    return request(LineageResponse, 'GET', `/api/lineage/${encodeURIComponent(id)}${q({ direction })}`);
  },
  /** Shortest paths that follow only the relationship types in `types` (all types when empty). */
  path(from: string, to: string, types: readonly string[] = []): Promise<PathResponse> {
    return request(PathResponse, 'GET', `/api/path${q({ from, to, types: types.join(',') })}`);
  },
  /** The papers that name both ends of a link, with their sentences naming each. */
  statements(from: string, to: string): Promise<StatementsResponse> {
    return request(StatementsResponse, 'GET', `/api/statements${q({ from, to })}`);
  },
  queries(): Promise<QueriesResponse> {
    return request(QueriesResponse, 'GET', '/api/queries');
  },
  runQuery(name: string, params: Record<string, unknown>): Promise<SavedQueryRunResponse> {
    return request(SavedQueryRunResponse, 'POST', `/api/queries/${encodeURIComponent(name)}`, { params });
  },
  cypher(query: string, params: Record<string, unknown>): Promise<CypherResponse> {
    return request(CypherResponse, 'POST', '/api/cypher', { query, params });
  },
};
