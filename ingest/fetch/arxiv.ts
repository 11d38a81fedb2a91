// arXiv API search (Atom): pages of `search_query` results by `start`, the total from
// opensearch:totalResults, each entry mapped by the arXiv Atom reader's own entry mapping.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isObject } from '../sources/json-stream.js';
import { atomEntryRecord } from '../sources/arxiv-atom.js';
import { cleanText, findCodeUrls } from '../sources/normalize.js';
import { apiUrl, type SourceContext } from './context.js';
import { EmptyResultError, FetchError, type FetchedPaper } from './types.js';

export const ARXIV_DEFAULT_URL = 'https://export.arxiv.org/api';
/** arXiv asks API users for at most one request every three seconds. */
export const ARXIV_DEFAULT_INTERVAL_MS = 3_000;
export const ARXIV_PAGE_SIZE = 100;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'entry' || name === 'author' || name === 'link' || name === 'category',
});

interface AtomPage {
  total: number;
  entries: Record<string, unknown>[];
}

function text(value: unknown): string {
  return isObject(value) ? cleanText(value['#text']) : cleanText(value);
}

/** Parses one API response; throws on XML that is cut off or is not an Atom feed. */
export function parseAtomPage(body: string): AtomPage {
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new Error(`broken XML at line ${valid.err.line}: ${valid.err.msg}`);
  const doc: unknown = xml.parse(body);
  const feed = isObject(doc) ? doc.feed : undefined;
  if (!isObject(feed)) throw new Error('not an Atom feed (no <feed> element)');
  const entries = (Array.isArray(feed.entry) ? feed.entry : []).filter(isObject);
  const first = entries[0];
  if (entries.length === 1 && first && text(first.title) === 'Error') {
    throw new Error(`the arXiv API returned an error: ${text(first.summary) || 'no details'}`);
  }
  const totalText = text(feed['opensearch:totalResults']);
  if (!/^\d+$/.test(totalText)) throw new Error('no opensearch:totalResults in the feed');
  return { total: Number(totalText), entries };
}

/** The error message of an arXiv error feed (HTTP 400 for a malformed query). */
export function describeArxivError(status: number, body: string): string | undefined {
  const m = /<entry>[\s\S]*?<summary>([\s\S]*?)<\/summary>/.exec(body);
  return m ? `${status}: ${cleanText(m[1])}` : undefined;
}

/**
 * The search_query for a user's query: kept as is when it already uses arXiv's field syntax
 * (`ti:`, `abs:`, `cat:`, `AND`, ...), otherwise every word must appear somewhere (`all:`).
 */
export function arxivSearchQuery(query: string): string {
  const q = query.trim().replace(/\s+/g, ' ');
  if (/\b(ti|au|abs|co|jr|cat|rn|id|all):/.test(q) || /\b(AND|OR|ANDNOT)\b/.test(q)) return q;
  const words = q.match(/"[^"]+"|[^\s"]+/g) ?? [];
  return words.map((w) => `all:${w}`).join(' AND ');
}

/** An entry as a fetched paper; code URLs in the abstract join those in the comment. */
function entryPaper(entry: Record<string, unknown>): FetchedPaper {
  const { source: _source, ...record } = atomEntryRecord(entry, '');
  const code = [...new Set([...(record.code ?? []), ...findCodeUrls(record.abstract)])];
  return { ...record, ...(code.length ? { code } : {}) };
}

export async function fetchArxiv(ctx: SourceContext, query: string): Promise<FetchedPaper[]> {
  const searchQuery = arxivSearchQuery(query);
  const papers = new Map<string, FetchedPaper>();
  let start = 0;
  let total = Infinity;
  const pageSize = ctx.pageSize ?? ARXIV_PAGE_SIZE;
  while (start < Math.min(total, ctx.max)) {
    const size = Math.min(pageSize, ctx.max - start);
    const url = apiUrl(ctx.baseUrl, '/query', {
      search_query: searchQuery,
      start,
      max_results: size,
      sortBy: 'relevance',
      sortOrder: 'descending',
    });
    let page: AtomPage;
    try {
      page = ctx.counter.page(await ctx.http.get(url, parseAtomPage, describeArxivError, (p) => p.entries.length > 0 || p.total <= start));
    } catch (err) {
      if (err instanceof FetchError) throw new FetchError(`arxiv: ${err.message}`, err.url, err.status);
      throw err;
    }
    total = page.total;
    ctx.counter.expect(Math.ceil(Math.min(total, ctx.max) / pageSize));
    for (const entry of page.entries) {
      const paper = entryPaper(entry);
      if (paper.title) papers.set(paper.arxivId ?? paper.sourceId ?? paper.title, paper);
    }
    ctx.counter.records(papers.size);
    if (page.entries.length === 0) {
      if (start < Math.min(total, ctx.max))
        ctx.warn(
          `arxiv: the API returned an empty page at start=${start} of ${total} results; stopping here (run again later to get the rest)`,
        );
      break;
    }
    start += page.entries.length;
  }
  if (papers.size === 0) throw new EmptyResultError(`arxiv: no papers matched "${query}" (search_query ${searchQuery})`);
  return [...papers.values()];
}
