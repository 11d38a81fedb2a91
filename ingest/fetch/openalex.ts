// OpenAlex works: a search (`/works?search=`) or one work by id, cursor-paged (`cursor=*`, then
// meta.next_cursor); the abstract rebuilt from abstract_inverted_index; with --references the works
// each one cites (`filter=cited_by:W…`); referenced_works between fetched works become references.
import { isObject } from '../sources/json-stream.js';
import { authorNames, cleanText, findCodeUrls, normalizeArxivId, normalizeDoi, optionalText, parseYear } from '../sources/normalize.js';
import { apiUrl, parseJson, type SourceContext } from './context.js';
import { EmptyResultError, FetchError, type FetchedPaper } from './types.js';

export const OPENALEX_DEFAULT_URL = 'https://api.openalex.org';
/** OpenAlex allows at most 10 requests per second. */
export const OPENALEX_DEFAULT_INTERVAL_MS = 100;
export const OPENALEX_PAGE_SIZE = 100;

export interface OpenAlexQuery {
  /** A search string, or one work id (W…). */
  query: string;
  references: boolean;
  mailto?: string;
}

/** "W2741809807" for a work id or its https://openalex.org/ URL; undefined for anything else. */
export function openAlexWorkId(text: string): string | undefined {
  const m = /^(?:https?:\/\/(?:api\.)?openalex\.org\/(?:works\/)?)?(W\d+)$/i.exec(text.trim());
  return m ? m[1]!.toUpperCase() : undefined;
}

/** The abstract from OpenAlex's inverted index ({word: [positions]}), words in position order. */
export function abstractFromInvertedIndex(index: unknown): string {
  if (!isObject(index)) return '';
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const p of positions) if (Number.isInteger(p) && p >= 0 && p < 100_000) words[p as number] = word;
  }
  return cleanText(words.filter((w) => w !== undefined).join(' '));
}

interface Work {
  paper: FetchedPaper;
  /** Work ids this work cites. */
  cites: string[];
}

function arxivIdOf(work: Record<string, unknown>, doi: string | undefined): string | undefined {
  const fromDoi = doi && /^10\.48550\/arxiv\./i.test(doi) ? normalizeArxivId(doi) : undefined;
  if (fromDoi) return fromDoi;
  const locations = [work.primary_location, ...(Array.isArray(work.locations) ? work.locations : [])].filter(isObject);
  for (const loc of locations) {
    for (const url of [loc.landing_page_url, loc.pdf_url]) {
      if (typeof url === 'string' && /arxiv\.org\/(abs|pdf)\//i.test(url)) return normalizeArxivId(url);
    }
  }
  return undefined;
}

export function workPaper(work: Record<string, unknown>): Work {
  const id = openAlexWorkId(String(work.id ?? ''));
  const doi = normalizeDoi(work.doi ?? (isObject(work.ids) ? work.ids.doi : undefined));
  const abstract = abstractFromInvertedIndex(work.abstract_inverted_index);
  const authorships = Array.isArray(work.authorships) ? work.authorships.filter(isObject) : [];
  const authors = authorNames(authorships.map((a) => (isObject(a.author) ? a.author.display_name : a.raw_author_name)));
  const primary = isObject(work.primary_location) ? work.primary_location : {};
  const code = findCodeUrls(abstract);
  const arxivId = arxivIdOf(work, doi);
  const paper: FetchedPaper = {
    title: cleanText(work.display_name ?? work.title),
    abstract,
    ...(id ? { sourceId: id } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(doi ? { doi } : {}),
    ...(parseYear(work.publication_year) ? { year: parseYear(work.publication_year) } : {}),
    ...(authors ? { authors } : {}),
    ...((optionalText(primary.landing_page_url) ?? optionalText(work.id))
      ? { url: optionalText(primary.landing_page_url) ?? optionalText(work.id) }
      : {}),
    ...(code.length ? { code } : {}),
  };
  const cites = (Array.isArray(work.referenced_works) ? work.referenced_works : [])
    .map((w) => openAlexWorkId(String(w)))
    .filter((w): w is string => !!w);
  return { paper, cites };
}

interface WorksPage {
  count: number;
  nextCursor?: string;
  results: Record<string, unknown>[];
}

function parseWorksPage(body: string): WorksPage {
  const value = parseJson(body);
  if (!isObject(value) || !isObject(value.meta) || !Array.isArray(value.results)) throw new Error('expected {meta, results}');
  const count = typeof value.meta.count === 'number' ? value.meta.count : value.results.length;
  const next = value.meta.next_cursor;
  return { count, results: value.results.filter(isObject), ...(typeof next === 'string' && next ? { nextCursor: next } : {}) };
}

function parseWork(body: string): Record<string, unknown> {
  const value = parseJson(body);
  if (!isObject(value) || typeof value.id !== 'string') throw new Error('expected a work object with an id');
  return value;
}

export function describeOpenAlexError(status: number, body: string): string | undefined {
  try {
    const value = JSON.parse(body) as unknown;
    if (!isObject(value)) return undefined;
    const parts = [value.error, value.message].filter((v): v is string => typeof v === 'string');
    return parts.length ? `${status}: ${parts.join(': ')}` : undefined;
  } catch {
    return undefined;
  }
}

class Works {
  readonly byId = new Map<string, Work>();
  add(work: Work): boolean {
    const key = work.paper.sourceId;
    if (!key || !work.paper.title || this.byId.has(key)) return false;
    this.byId.set(key, work);
    return true;
  }
}

/** Pages through one /works list with a cursor; returns the works it added. */
async function worksList(ctx: SourceContext, got: Works, params: Record<string, string | undefined>, countPages: boolean): Promise<Work[]> {
  const added: Work[] = [];
  let cursor: string | undefined = '*';
  let handled = 0;
  while (cursor && got.byId.size < ctx.max) {
    const url = apiUrl(ctx.baseUrl, '/works', { ...params, per_page: ctx.pageSize ?? OPENALEX_PAGE_SIZE, cursor });
    const page = ctx.counter.page(await ctx.http.get(url, parseWorksPage, describeOpenAlexError));
    if (countPages) ctx.counter.expect(Math.ceil(Math.min(page.count, ctx.max) / (ctx.pageSize ?? OPENALEX_PAGE_SIZE)));
    for (const raw of page.results) {
      if (got.byId.size >= ctx.max) break;
      const work = workPaper(raw);
      if (got.add(work)) added.push(work);
      handled += 1;
    }
    ctx.counter.records(got.byId.size);
    cursor = page.results.length > 0 && handled < page.count ? page.nextCursor : undefined;
  }
  return added;
}

function refOf(p: FetchedPaper): NonNullable<FetchedPaper['references']>[number] {
  return {
    ...(p.sourceId ? { sourceId: p.sourceId } : {}),
    title: p.title,
    ...(p.arxivId ? { arxivId: p.arxivId } : {}),
    ...(p.doi ? { doi: p.doi } : {}),
  };
}

async function run(ctx: SourceContext, query: OpenAlexQuery, got: Works): Promise<void> {
  const politeness = { mailto: query.mailto };
  const workId = openAlexWorkId(query.query);
  let seeds: Work[];
  if (workId) {
    const url = apiUrl(ctx.baseUrl, `/works/${workId}`, politeness);
    try {
      seeds = [workPaper(ctx.counter.page(await ctx.http.get(url, parseWork, describeOpenAlexError)))];
    } catch (err) {
      if (err instanceof FetchError && err.status === 404)
        throw new EmptyResultError(`openalex: no work has the id ${workId} (${err.message})`);
      throw err;
    }
    if (!got.add(seeds[0]!)) throw new EmptyResultError(`openalex: the work ${workId} has no title; nothing to ingest`);
    ctx.counter.records(got.byId.size);
  } else {
    seeds = await worksList(ctx, got, { search: query.query, ...politeness }, true);
    if (seeds.length === 0) throw new EmptyResultError(`openalex: no papers matched "${query.query}"`);
  }
  if (!query.references) return;
  for (const seed of seeds) {
    if (got.byId.size >= ctx.max) break;
    await worksList(ctx, got, { filter: `cited_by:${seed.paper.sourceId}`, ...politeness }, false);
  }
}

export async function fetchOpenAlex(ctx: SourceContext, query: OpenAlexQuery): Promise<FetchedPaper[]> {
  const got = new Works();
  try {
    await run(ctx, query, got);
  } catch (err) {
    if (err instanceof FetchError) throw new FetchError(`openalex: ${err.message}`, err.url, err.status);
    throw err;
  }
  // References between the fetched works: what CITES can be made from.
  for (const work of got.byId.values()) {
    const refs = work.cites.map((id) => got.byId.get(id)).filter((w): w is Work => w !== undefined && w !== work);
    if (refs.length) work.paper.references = refs.map((w) => refOf(w.paper));
  }
  return [...got.byId.values()].map((w) => w.paper);
}
