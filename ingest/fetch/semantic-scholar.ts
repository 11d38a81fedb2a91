// Semantic Scholar Graph API: one paper by id (with its reference list), then with --references /
// --citations the papers it cites or that cite it, page by page (`offset`/`next`), to --depth hops.
import { isObject } from '../sources/json-stream.js';
import { findCodeUrls } from '../sources/normalize.js';
import { semanticScholarRecord } from '../sources/semantic-scholar.js';
import { apiUrl, parseJson, type SourceContext } from './context.js';
import { EmptyResultError, FetchError, type FetchedPaper } from './types.js';

export const S2_DEFAULT_URL = 'https://api.semanticscholar.org/graph/v1';
/** Semantic Scholar grants one request per second to an API key; unauthenticated users share a pool. */
export const S2_DEFAULT_INTERVAL_MS = 1_000;
export const S2_PAGE_SIZE = 100;

const PAPER_FIELDS = 'paperId,externalIds,title,abstract,year,authors,url';
const SEED_FIELDS = `${PAPER_FIELDS},references.paperId,references.title,references.externalIds`;
const PREFIXES = ['DOI', 'ARXIV', 'CorpusId', 'MAG', 'ACL', 'PMID', 'PMCID', 'URL'];

/**
 * The Graph API form of a paper id the user gave: a 40-hex Semantic Scholar id, `DOI:…`,
 * `arXiv:…`, `CorpusId:…` (and the API's other prefixes), or a bare DOI or arXiv id.
 */
export function semanticScholarId(arg: string): string | undefined {
  const text = arg.trim();
  if (/^[0-9a-f]{40}$/i.test(text)) return text.toLowerCase();
  const m = /^([A-Za-z]+):(.+)$/.exec(text);
  if (m && !/^https?$/i.test(m[1]!)) {
    const prefix = PREFIXES.find((p) => p.toLowerCase() === m[1]!.toLowerCase());
    return prefix && m[2]!.trim() ? `${prefix}:${m[2]!.trim()}` : undefined;
  }
  if (/^10\.\d{4,9}\/\S+$/.test(text)) return `DOI:${text}`;
  if (/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/.test(text)) return `ARXIV:${text}`;
  return undefined;
}

export interface SemanticScholarQuery {
  id: string;
  references: boolean;
  citations: boolean;
  depth: number;
}

/** A paper id as a path segment: encoded, except the `:` and `/` the API expects in `DOI:10.…/…`. */
function pathId(id: string): string {
  return encodeURIComponent(id).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

type Ref = NonNullable<FetchedPaper['references']>[number];

function toPaper(value: Record<string, unknown>): FetchedPaper {
  const { source: _source, ...record } = semanticScholarRecord(value, '');
  const code = findCodeUrls(record.abstract);
  return { ...record, ...(code.length ? { code } : {}) };
}

function asRef(p: FetchedPaper): Ref {
  return {
    ...(p.sourceId ? { sourceId: p.sourceId } : {}),
    ...(p.title ? { title: p.title } : {}),
    ...(p.arxivId ? { arxivId: p.arxivId } : {}),
    ...(p.doi ? { doi: p.doi } : {}),
  };
}

function parsePaper(body: string): Record<string, unknown> {
  const value = parseJson(body);
  if (!isObject(value) || typeof value.paperId !== 'string') throw new Error('expected a paper object with a paperId');
  return value;
}

interface LinkPage {
  data: Record<string, unknown>[];
  next?: number;
}

function parseLinkPage(body: string): LinkPage {
  const value = parseJson(body);
  if (!isObject(value) || !Array.isArray(value.data)) throw new Error('expected a page object with a data array');
  return { data: value.data.filter(isObject), ...(typeof value.next === 'number' ? { next: value.next } : {}) };
}

/** `{"error": "Paper with id X not found"}` and the like. */
export function describeS2Error(status: number, body: string): string | undefined {
  try {
    const value = JSON.parse(body) as unknown;
    const message = isObject(value) ? (value.error ?? value.message) : undefined;
    return typeof message === 'string' ? `${status}: ${message}` : undefined;
  } catch {
    return undefined;
  }
}

class Collected {
  readonly papers = new Map<string, FetchedPaper>();

  add(paper: FetchedPaper): boolean {
    if (!paper.sourceId || !paper.title || this.papers.has(paper.sourceId)) return false;
    this.papers.set(paper.sourceId, paper);
    return true;
  }

  /** Adds `ref` to the reference list of the paper `from` (once). */
  cite(from: string, ref: Ref): void {
    const paper = this.papers.get(from);
    if (!paper) return;
    const refs = paper.references ?? [];
    const same = (r: Ref) =>
      (ref.sourceId !== undefined && r.sourceId === ref.sourceId) || (ref.sourceId === undefined && r.title === ref.title);
    if (!refs.some(same)) paper.references = [...refs, ref];
  }
}

async function links(ctx: SourceContext, got: Collected, pid: string, kind: 'references' | 'citations'): Promise<string[]> {
  const added: string[] = [];
  let offset: number | undefined = 0;
  while (offset !== undefined && got.papers.size < ctx.max) {
    const url = apiUrl(ctx.baseUrl, `/paper/${encodeURIComponent(pid)}/${kind}`, {
      fields: PAPER_FIELDS,
      offset,
      limit: ctx.pageSize ?? S2_PAGE_SIZE,
    });
    const page: LinkPage = ctx.counter.page(await ctx.http.get(url, parseLinkPage, describeS2Error));
    for (const item of page.data) {
      const linked = item[kind === 'references' ? 'citedPaper' : 'citingPaper'];
      if (!isObject(linked)) continue;
      const paper = toPaper(linked);
      if (!paper.title && !paper.sourceId) continue;
      if (got.papers.size < ctx.max && got.add(paper)) added.push(paper.sourceId!);
      if (kind === 'references') got.cite(pid, asRef(paper));
      else if (paper.sourceId) got.cite(paper.sourceId, asRef(got.papers.get(pid)!));
    }
    ctx.counter.records(got.papers.size);
    offset = page.next !== undefined && page.next > offset && page.data.length > 0 ? page.next : undefined;
  }
  return added;
}

export async function fetchSemanticScholar(ctx: SourceContext, query: SemanticScholarQuery): Promise<FetchedPaper[]> {
  const got = new Collected();
  const url = apiUrl(ctx.baseUrl, `/paper/${pathId(query.id)}`, { fields: SEED_FIELDS });
  let seed: FetchedPaper;
  try {
    seed = toPaper(ctx.counter.page(await ctx.http.get(url, parsePaper, describeS2Error)));
  } catch (err) {
    if (err instanceof FetchError && err.status === 404)
      throw new EmptyResultError(`semantic-scholar: no paper has the id ${query.id} (${err.message})`);
    if (err instanceof FetchError) throw new FetchError(`semantic-scholar: ${err.message}`, err.url, err.status);
    throw err;
  }
  if (!got.add(seed)) throw new EmptyResultError(`semantic-scholar: the paper ${query.id} has no title; nothing to ingest`);
  ctx.counter.records(got.papers.size);
  let level = [seed.sourceId!];
  for (let hop = 1; hop <= query.depth && level.length > 0; hop += 1) {
    const next: string[] = [];
    for (const pid of level) {
      try {
        if (query.references) next.push(...(await links(ctx, got, pid, 'references')));
        if (query.citations) next.push(...(await links(ctx, got, pid, 'citations')));
      } catch (err) {
        if (err instanceof FetchError) throw new FetchError(`semantic-scholar: ${err.message}`, err.url, err.status);
        throw err;
      }
    }
    level = next;
  }
  return [...got.papers.values()];
}
