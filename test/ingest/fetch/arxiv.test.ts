// The arXiv source against recorded Atom responses: paging by start with opensearch:totalResults,
// paper identity kept, a second run served from the cache, resume after an interruption, empty
// results, the API's error feed and truncated XML.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arxivSearchQuery } from '../../../ingest/fetch/arxiv.js';
import { fetchPapers, jsonlPath, SOURCES, type FetchOptions } from '../../../ingest/fetch/run.js';
import { EmptyResultError, FetchAbortedError, FetchError } from '../../../ingest/fetch/types.js';
import { readBack, tempFetchDir, withoutSource } from './helpers.js';
import { fixture, RecordedApi, xml } from './recorded-api.js';

const QUERY = 'mixture of experts';
const SEARCH = 'all:mixture AND all:of AND all:experts';

let api: RecordedApi;
let dir: string;
beforeEach(() => {
  api = new RecordedApi();
  dir = tempFetchDir();
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

function recordedSearch(page2 = xml(fixture('arxiv/moe-page2.xml'))): RecordedApi {
  return api
    .on('/query', { search_query: SEARCH, start: 0, max_results: 2 }, xml(fixture('arxiv/moe-page1.xml')))
    .on('/query', { search_query: SEARCH, start: 2, max_results: 2 }, page2);
}

async function options(extra: Partial<FetchOptions> = {}): Promise<FetchOptions> {
  return { source: 'arxiv', query: QUERY, baseUrl: api.url || (await api.start()), dir, intervalMs: 0, pageSize: 2, ...extra };
}

describe('ingest/fetch/arxiv', () => {
  describe('#arxivSearchQuery', () => {
    it('should require every word of a plain query and keep arXiv field syntax as given', () => {
      expect(arxivSearchQuery(' mixture  of experts ')).toBe(SEARCH);
      expect(arxivSearchQuery('"state space" model')).toBe('all:"state space" AND all:model');
      expect(arxivSearchQuery('ti:transformer AND cat:cs.LG')).toBe('ti:transformer AND cat:cs.LG');
    });
  });

  describe('#fetchPapers', () => {
    it('should page through the results and keep arXiv id, DOI, year, authors and code links', async () => {
      recordedSearch();
      const pages: number[] = [];
      const result = await fetchPapers(await options({ onProgress: (p) => pages.push(p.pages) }));
      expect(result).toMatchObject({ source: 'arxiv', records: 3, pages: 2, cachedPages: 0, requests: 2 });
      expect(result.path).toBe(jsonlPath(await options()));
      expect(result.path).toMatch(/\/arxiv\/[0-9a-f]{16}\.jsonl$/);
      expect(pages).toContain(2);
      expect(api.requests.map((u) => u.searchParams.get('start'))).toEqual(['0', '2']);

      const { records, issues } = await readBack(result.path);
      expect(issues).toEqual([]);
      expect(records.map((r) => r.arxivId)).toEqual(['2401.04088', '2101.03961', '1701.06538']);
      expect(withoutSource(records[1]!)).toEqual({
        title: 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity',
        abstract: expect.stringContaining('Mixture of Experts (MoE) defies this') as string,
        sourceId: 'http://arxiv.org/abs/2101.03961v3',
        arxivId: '2101.03961',
        doi: '10.5555/3586589.3586709',
        year: 2021,
        authors: ['William Fedus', 'Barret Zoph', 'Noam Shazeer'],
        url: 'http://arxiv.org/pdf/2101.03961v3',
        code: ['https://github.com/google-research/t5x'],
      });
      expect(records[0]!.code).toEqual(['https://github.com/mistralai/mistral-src']);
    });

    it('should serve a second identical run from the cache without a request', async () => {
      recordedSearch();
      const first = await fetchPapers(await options());
      const firstText = readFileSync(first.path, 'utf8');
      const second = await fetchPapers(await options());
      expect(second).toMatchObject({ records: 3, pages: 2, cachedPages: 2, requests: 0 });
      expect(api.requests).toHaveLength(2);
      expect(readFileSync(second.path, 'utf8')).toBe(firstText);
    });

    it('should resume after an interruption: fetched pages come from the cache and no half file is left', async () => {
      const controller = new AbortController();
      recordedSearch({ ...xml(fixture('arxiv/moe-page2.xml')), before: () => controller.abort() });
      const opts = await options();
      await expect(fetchPapers({ ...opts, signal: controller.signal })).rejects.toBeInstanceOf(FetchAbortedError);
      expect(existsSync(jsonlPath(opts))).toBe(false);
      expect(api.count('/query', { start: 0 })).toBe(1);

      const resumed = await fetchPapers(opts);
      expect(resumed).toMatchObject({ records: 3, cachedPages: 1, requests: 1 });
      expect(api.count('/query', { start: 0 })).toBe(1);
      expect((await readBack(resumed.path)).records).toHaveLength(3);
    });

    it('should stop at --max', async () => {
      api.on('/query', { search_query: SEARCH, start: 0, max_results: 2 }, xml(fixture('arxiv/moe-page1.xml')));
      const result = await fetchPapers(await options({ max: 2 }));
      expect(result.records).toBe(2);
      expect(api.requests).toHaveLength(1);
    });

    it('should say that no papers matched an empty result', async () => {
      api.on('/query', { search_query: 'all:zzqqxxnotaword' }, xml(fixture('arxiv/empty.xml')));
      const err = await fetchPapers(await options({ query: 'zzqqxxnotaword' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmptyResultError);
      expect((err as Error).message).toBe('arxiv: no papers matched "zzqqxxnotaword" (search_query all:zzqqxxnotaword)');
    });

    it("should pass on the API's own error message for a malformed query", async () => {
      api.on('/query', {}, xml(fixture('arxiv/error.xml'), 400));
      const err = (await fetchPapers(await options({ query: 'ti:(broken' })).catch((e: unknown) => e)) as FetchError;
      expect(err).toBeInstanceOf(FetchError);
      expect(err.status).toBe(400);
      expect(err.message).toMatch(
        /^arxiv: http:\/\/127\.0\.0\.1:\d+\/query\?search_query=ti%3A%28broken.* answered 400: malformed query: unbalanced parenthesis in search_query$/,
      );
    });

    it('should report truncated XML with the URL and not cache it', async () => {
      const page = fixture('arxiv/moe-page1.xml');
      api.on('/query', { start: 0 }, xml(page.slice(0, page.length / 2)), xml(page));
      const err = (await fetchPapers(await options({ max: 2 })).catch((e: unknown) => e)) as FetchError;
      expect(err).toBeInstanceOf(FetchError);
      expect(err.message).toMatch(
        /^arxiv: http:\/\/127\.0\.0\.1:\d+\/query\?.* answered 200 with a response that could not be read \(broken XML at line \d+: .*\); nothing was cached/,
      );
      expect((await fetchPapers(await options({ max: 2 }))).records).toBe(2);
      expect(api.count('/query', { start: 0 })).toBe(2);
    });
  });

  describe('#SOURCES', () => {
    it('should default to one request every three seconds', () => {
      expect(SOURCES.arxiv.intervalMs).toBe(3000);
    });
  });
});
