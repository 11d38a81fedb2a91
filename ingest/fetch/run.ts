// fetchPapers(options): runs one source against its API (or the response cache), then writes the
// papers as JSONL under <dir>/<source>/<query-hash>.jsonl for the ingest to read.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { projectRoot } from '../../src/neo4j/paths.js';
import { ARXIV_DEFAULT_INTERVAL_MS, ARXIV_DEFAULT_URL, fetchArxiv } from './arxiv.js';
import { PageCounter, type SourceContext } from './context.js';
import { HttpClient, type HttpOptions } from './http.js';
import { writeJsonl, type LineShape } from './jsonl.js';
import { fetchOpenAlex, OPENALEX_DEFAULT_INTERVAL_MS, OPENALEX_DEFAULT_URL } from './openalex.js';
import { fetchSemanticScholar, S2_DEFAULT_INTERVAL_MS, S2_DEFAULT_URL, semanticScholarId } from './semantic-scholar.js';
import { EmptyResultError, type FetchedPaper, type FetchProgress, type SourceName } from './types.js';

export const DEFAULT_MAX = 100;
export const MAX_DEPTH = 3;

interface SourceDefaults {
  url: string;
  urlEnv: string;
  intervalMs: number;
  shape: LineShape;
}

export const SOURCES: Record<SourceName, SourceDefaults> = {
  arxiv: { url: ARXIV_DEFAULT_URL, urlEnv: 'METHODGRAPH_ARXIV_URL', intervalMs: ARXIV_DEFAULT_INTERVAL_MS, shape: 'paper' },
  'semantic-scholar': { url: S2_DEFAULT_URL, urlEnv: 'METHODGRAPH_S2_URL', intervalMs: S2_DEFAULT_INTERVAL_MS, shape: 'graph-api' },
  openalex: { url: OPENALEX_DEFAULT_URL, urlEnv: 'METHODGRAPH_OPENALEX_URL', intervalMs: OPENALEX_DEFAULT_INTERVAL_MS, shape: 'graph-api' },
};

export interface FetchOptions {
  source: SourceName;
  /** The search (arXiv, OpenAlex) or the paper id (Semantic Scholar, OpenAlex W…). */
  query: string;
  /** Most papers to collect (default 100). */
  max?: number;
  references?: boolean;
  citations?: boolean;
  /** Hops of references/citations to follow from the Semantic Scholar paper (default 1). */
  depth?: number;
  /** API root; else the source's environment variable, else the public API. */
  baseUrl?: string;
  /** Root of the fetch cache (default METHODGRAPH_FETCH_DIR or <project>/.methodgraph/fetch). */
  dir?: string;
  /** Least time between requests (default METHODGRAPH_FETCH_INTERVAL_MS, else the source's documented limit). */
  intervalMs?: number;
  /** Results per request (default: arXiv and OpenAlex 100, Semantic Scholar 100). */
  pageSize?: number;
  /** Ask the API again even for responses in the cache. */
  refresh?: boolean;
  /** Environment for the base URLs, API key and contact address (default process.env). */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Retry tuning (tries, first backoff, longest Retry-After). */
  retry?: Pick<HttpOptions, 'maxTries' | 'retryBaseMs' | 'maxRetryAfterMs'>;
  onProgress?: (progress: FetchProgress) => void;
  onRetry?: (waitMs: number, reason: string) => void;
  onWarning?: (message: string) => void;
}

export interface FetchResult {
  source: SourceName;
  /** The JSONL written. */
  path: string;
  records: number;
  pages: number;
  cachedPages: number;
  /** Network requests made (0 when everything came from the cache). */
  requests: number;
}

export function fetchDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.METHODGRAPH_FETCH_DIR || join(projectRoot, '.methodgraph', 'fetch');
}

/** The query's canonical form: what the hash in the JSONL name is computed from. */
function canonicalQuery(options: FetchOptions): string {
  const query =
    options.source === 'semantic-scholar'
      ? (semanticScholarId(options.query) ?? options.query.trim())
      : options.query.trim().replace(/\s+/g, ' ');
  return JSON.stringify([options.source, query, options.max ?? DEFAULT_MAX, !!options.references, !!options.citations, options.depth ?? 1]);
}

/** <dir>/<source>/<16 hex of the query hash>.jsonl */
export function jsonlPath(options: FetchOptions): string {
  const hash = createHash('sha256').update(canonicalQuery(options)).digest('hex').slice(0, 16);
  return join(options.dir ?? fetchDir(options.env), options.source, `${hash}.jsonl`);
}

export function baseUrlFor(options: Pick<FetchOptions, 'source' | 'baseUrl' | 'env'>): string {
  const env = options.env ?? process.env;
  const defaults = SOURCES[options.source];
  return (options.baseUrl || env[defaults.urlEnv] || defaults.url).replace(/\/+$/, '');
}

/** METHODGRAPH_FETCH_INTERVAL_MS, when it is a whole number of milliseconds. */
function intervalFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.METHODGRAPH_FETCH_INTERVAL_MS;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

function httpOptions(options: FetchOptions, dir: string): HttpOptions {
  const env = options.env ?? process.env;
  const key = env.SEMANTIC_SCHOLAR_API_KEY;
  return {
    cacheDir: join(dir, 'http'),
    minIntervalMs: options.intervalMs ?? intervalFromEnv(env) ?? SOURCES[options.source].intervalMs,
    headers: {
      'user-agent': 'methodgraph-fetch/0.1',
      ...(options.source === 'semantic-scholar' && key ? { 'x-api-key': key } : {}),
    },
    uncachedParams: ['mailto'],
    ...(options.refresh ? { refresh: true } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    ...options.retry,
  };
}

async function collect(options: FetchOptions, ctx: SourceContext): Promise<FetchedPaper[]> {
  const env = options.env ?? process.env;
  switch (options.source) {
    case 'arxiv':
      return fetchArxiv(ctx, options.query);
    case 'semantic-scholar': {
      const id = semanticScholarId(options.query);
      if (!id) throw new EmptyResultError(`semantic-scholar: "${options.query}" is not a paper id`);
      return fetchSemanticScholar(ctx, { id, references: !!options.references, citations: !!options.citations, depth: options.depth ?? 1 });
    }
    case 'openalex':
      return fetchOpenAlex(ctx, {
        query: options.query,
        references: !!options.references,
        ...(env.OPENALEX_MAILTO ? { mailto: env.OPENALEX_MAILTO } : {}),
      });
  }
}

/**
 * Fetches and writes the JSONL. Throws FetchError (API failures, naming URL and status),
 * EmptyResultError (nothing matched) or FetchAbortedError (the signal fired; what was fetched is
 * cached and the JSONL is left as it was).
 */
export async function fetchPapers(options: FetchOptions): Promise<FetchResult> {
  const dir = options.dir ?? fetchDir(options.env);
  const http = new HttpClient(httpOptions(options, dir));
  const counter = new PageCounter(options.onProgress);
  const ctx: SourceContext = {
    http,
    baseUrl: baseUrlFor(options),
    max: options.max ?? DEFAULT_MAX,
    counter,
    warn: options.onWarning ?? (() => {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  };
  const papers = await collect(options, ctx);
  const path = jsonlPath({ ...options, dir });
  const records = await writeJsonl(path, papers, SOURCES[options.source].shape);
  const done = counter.current;
  return { source: options.source, path, records, pages: done.pages, cachedPages: done.cachedPages, requests: http.requests };
}
