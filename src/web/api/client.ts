// The explorer's HTTP client for the methodgraph API (issue 4): one typed function per endpoint,
// errors turned into ApiError with the server's message or a clear one when it cannot be reached.
import type { WireEdge, WireGraph, WireNode } from '../../shared/graph.js';
import { NodeRunsResponse, type NodeRun } from '../../shared/api/node-runs.js';

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

export interface SearchHit {
  id: string;
  label: WireNode['label'];
  name: string;
  score?: number;
  /** Why it matched, e.g. an alias. */
  matched?: string;
}

export interface NodeDetails {
  node: WireNode;
  counts: Record<string, number>;
  edges: WireEdge[];
  /** The nodes at the other end of `edges`. */
  neighbours: WireNode[];
  /** The ingest runs (and their files) that wrote the node, oldest first. */
  runs: NodeRun[];
}

export interface Truncation {
  truncated: boolean;
  omitted: number;
}

export interface SavedQueryParam {
  name: string;
  type: string;
  default?: unknown;
  description?: string;
}

export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  params: SavedQueryParam[];
}

export interface QueryResult {
  graph: WireGraph;
  table: { columns: string[]; rows: unknown[][] };
  capped: boolean;
}

export interface PathAnswer {
  graph: WireGraph;
  found: boolean;
  /** Ids along the first shortest path. */
  nodes: string[];
  edges: string[];
}

export interface Health {
  ok: boolean;
  counts: Record<string, number>;
  total: number;
}

/** How long the explorer waits for an answer before it reports the API as not answering. */
export const REQUEST_TIMEOUT_MS = 15_000;

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
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
    throw new ApiError(`web/api: cannot reach the methodgraph API (${method} ${path}): ${why}. Is the server (and its database) running?`, 0, 'UNREACHABLE');
  }
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: reported below */
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    const message = err?.message ?? (text.slice(0, 200) || res.statusText);
    throw new ApiError(message, res.status, err?.code ?? `HTTP_${res.status}`);
  }
  if (json === undefined) throw new ApiError(`web/api: ${method} ${path} answered with something that is not JSON`, res.status, 'BAD_RESPONSE');
  return json as T;
}

const q = (params: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

function asGraph(raw: unknown): WireGraph {
  const r = raw as { graph?: WireGraph; nodes?: WireNode[]; edges?: WireEdge[] };
  const g = r.graph ?? r;
  return { nodes: g.nodes ?? [], edges: g.edges ?? [] };
}

function asTruncation(raw: unknown): Truncation {
  const r = raw as { truncated?: boolean; omitted?: number; leftOut?: number; more?: number; total?: number };
  const omitted = r.omitted ?? r.leftOut ?? r.more ?? 0;
  return { truncated: Boolean(r.truncated) || omitted > 0, omitted };
}

function asTable(raw: unknown): QueryResult['table'] {
  const t = (raw as { table?: { columns?: string[]; rows?: unknown[] } }).table ?? {};
  const columns = t.columns ?? [];
  const rows = (t.rows ?? []).map((row) =>
    Array.isArray(row) ? row : columns.map((c) => (row as Record<string, unknown>)[c]),
  );
  return { columns, rows };
}

export const api = {
  async health(): Promise<Health> {
    const r = await request<{ status?: string; counts?: { nodes?: Record<string, number> } }>('GET', '/api/health');
    const counts = r.counts?.nodes ?? {};
    return { ok: r.status === 'ok', counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  },
  async overview(limit: number): Promise<WireGraph & Truncation> {
    const r = await request<unknown>('GET', `/api/overview${q({ limit })}`);
    return { ...asGraph(r), ...asTruncation(r) };
  },
  async search(text: string, limit = 10): Promise<SearchHit[]> {
    const r = await request<unknown>('GET', `/api/search${q({ q: text, limit })}`);
    const list = (Array.isArray(r) ? r : ((r as { results?: unknown[]; hits?: unknown[] }).results ?? (r as { hits?: unknown[] }).hits ?? [])) as Array<
      Partial<SearchHit> & { node?: WireNode }
    >;
    return list.map((h) => {
      const node = h.node;
      return { id: node?.id ?? h.id!, label: node?.label ?? h.label!, name: node?.name ?? h.name!, score: h.score, matched: h.matched };
    });
  },
  async node(id: string): Promise<NodeDetails> {
    const r = await request<{ node: WireNode; counts?: Array<{ type: string; direction: string; count: number }>; graph?: WireGraph; runs?: unknown }>(
      'GET',
      `/api/nodes/${encodeURIComponent(id)}`,
    );
    const counts: Record<string, number> = {};
    for (const c of r.counts ?? []) counts[`${c.type} ${c.direction}`] = c.count;
    const graph = asGraph(r);
    return { node: r.node, counts, edges: graph.edges, neighbours: graph.nodes.filter((n) => n.id !== r.node.id), runs: NodeRunsResponse.parse(r.runs) };
  },
  async neighbourhood(id: string, opts: { depth?: number; limit?: number } = {}): Promise<WireGraph & Truncation> {
    const r = await request<unknown>('GET', `/api/neighbourhood/${encodeURIComponent(id)}${q({ depth: opts.depth ?? 1, limit: opts.limit })}`);
    return { ...asGraph(r), ...asTruncation(r) };
  },
  async lineage(id: string, direction: 'ancestors' | 'descendants' | 'both' = 'both'): Promise<WireGraph> {
    return asGraph(await request<unknown>('GET', `/api/lineage/${encodeURIComponent(id)}${q({ direction })}`));
  },
  async path(from: string, to: string): Promise<PathAnswer> {
    const r = await request<{ found?: boolean; paths?: Array<{ nodes: string[]; edges: string[] }>; graph?: WireGraph }>(
      'GET',
      `/api/path${q({ from, to })}`,
    );
    const first = r.paths?.[0];
    return { graph: asGraph(r), found: Boolean(r.found ?? first), nodes: first?.nodes ?? [], edges: first?.edges ?? [] };
  },
  async queries(): Promise<SavedQuery[]> {
    const r = await request<unknown>('GET', '/api/queries');
    return (Array.isArray(r) ? r : ((r as { queries?: SavedQuery[] }).queries ?? [])) as SavedQuery[];
  },
  async runQuery(name: string, params: Record<string, unknown>): Promise<QueryResult> {
    const r = await request<unknown>('POST', `/api/queries/${encodeURIComponent(name)}`, { params });
    return { graph: asGraph(r), table: asTable(r), capped: Boolean((r as { capped?: boolean }).capped) };
  },
  async cypher(query: string, params: Record<string, unknown>): Promise<QueryResult> {
    const r = await request<unknown>('POST', '/api/cypher', { query, params });
    return { graph: asGraph(r), table: asTable(r), capped: Boolean((r as { capped?: boolean }).capped) };
  },
};

/** Shortest paths that follow only the relationship types in `types` (all types when empty). */
export async function pathVia(from: string, to: string, types: readonly string[]): Promise<PathAnswer> {
  const r = await request<{ found?: boolean; paths?: Array<{ nodes: string[]; edges: string[] }>; graph?: WireGraph }>(
    'GET',
    `/api/path${q({ from, to, types: types.join(',') })}`,
  );
  const first = r.paths?.[0];
  return { graph: asGraph(r), found: Boolean(r.found ?? first), nodes: first?.nodes ?? [], edges: first?.edges ?? [] };
}
