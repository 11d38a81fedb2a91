// The OpenAlex source against recorded responses: cursor paging of a search, the abstract rebuilt
// from its inverted index, arXiv ids from DOIs and locations, references between fetched works,
// one work with --references, the polite-pool address, empty results and unknown ids.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { abstractFromInvertedIndex, openAlexWorkId } from '../../../ingest/fetch/openalex.js';
import { fetchPapers, type FetchOptions } from '../../../ingest/fetch/run.js';
import { EmptyResultError, FetchError } from '../../../ingest/fetch/types.js';
import { readBack, tempFetchDir } from './helpers.js';
import { fixture, json, RecordedApi } from './recorded-api.js';

const QUERY = 'transformer language models';
const NEXT = (JSON.parse(fixture('openalex/search-page1.json')) as { meta: { next_cursor: string } }).meta.next_cursor;

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

function recordedSearch(): RecordedApi {
  return api
    .on('/works', { search: QUERY, cursor: '*', per_page: 2 }, json(fixture('openalex/search-page1.json')))
    .on('/works', { search: QUERY, cursor: NEXT, per_page: 2 }, json(fixture('openalex/search-page2.json')));
}

async function options(extra: Partial<FetchOptions> = {}): Promise<FetchOptions> {
  return { source: 'openalex', query: QUERY, baseUrl: api.url || (await api.start()), dir, intervalMs: 0, pageSize: 2, env: {}, ...extra };
}

describe('ingest/fetch/openalex', () => {
  describe('#abstractFromInvertedIndex', () => {
    it('should put every word back at its positions', () => {
      expect(abstractFromInvertedIndex({ We: [0], the: [2, 5], propose: [1], Transformer: [3], for: [4], rest: [6] })).toBe(
        'We propose the Transformer for the rest',
      );
      expect(abstractFromInvertedIndex(null)).toBe('');
    });
  });

  describe('#openAlexWorkId', () => {
    it('should read bare ids and openalex.org URLs only', () => {
      expect(openAlexWorkId('w2963403868')).toBe('W2963403868');
      expect(openAlexWorkId('https://openalex.org/W2963403868')).toBe('W2963403868');
      expect(openAlexWorkId('attention')).toBeUndefined();
    });
  });

  describe('#fetchPapers', () => {
    it('should page a search with cursors and keep identity, abstracts and references between the works', async () => {
      recordedSearch();
      const result = await fetchPapers(await options());
      expect(result).toMatchObject({ source: 'openalex', records: 3, pages: 2, requests: 2 });
      const { records, issues } = await readBack(result.path);
      expect(issues).toEqual([]);
      const [attention, bert, gpt3] = records;
      expect(attention).toMatchObject({
        title: 'Attention Is All You Need',
        sourceId: 'W2963403868',
        arxivId: '1706.03762',
        doi: '10.48550/arxiv.1706.03762',
        year: 2017,
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
      });
      expect(attention!.abstract).toBe(
        'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks in an encoder-decoder configuration. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely. Code is available at https://github.com/tensorflow/tensor2tensor.',
      );
      expect(bert).toMatchObject({ doi: '10.18653/v1/n19-1423', url: 'https://aclanthology.org/N19-1423' });
      expect(bert!.arxivId).toBeUndefined();
      expect(gpt3).toMatchObject({ arxivId: '2005.14165', year: 2020 });
      expect(attention!.references).toBeUndefined();
      expect(bert!.references).toEqual([
        { sourceId: 'W2963403868', title: 'Attention Is All You Need', arxivId: '1706.03762', doi: '10.48550/arxiv.1706.03762' },
      ]);
      expect(gpt3!.references?.map((r) => r.sourceId)).toEqual(['W2963403868', 'W2896457183']);
    });

    it('should send OPENALEX_MAILTO for the polite pool and still answer the next run from the cache', async () => {
      recordedSearch();
      await fetchPapers(await options({ env: { OPENALEX_MAILTO: 'me@example.org' } }));
      expect(api.requests.map((u) => u.searchParams.get('mailto'))).toEqual(['me@example.org', 'me@example.org']);
      const second = await fetchPapers(await options({ env: { OPENALEX_MAILTO: 'someone@example.org' } }));
      expect(second).toMatchObject({ records: 3, requests: 0, cachedPages: 2 });
    });

    it('should fetch one work and, with --references, the works it cites', async () => {
      api
        .on('/works/W2963403868', {}, json(fixture('openalex/work-W2963403868.json')))
        .on('/works', { filter: 'cited_by:W2963403868', cursor: '*' }, json(fixture('openalex/cited-by-W2963403868.json')));
      const result = await fetchPapers(await options({ query: 'W2963403868', references: true }));
      expect(result).toMatchObject({ records: 3, pages: 2 });
      const { records } = await readBack(result.path);
      expect(records[0]!.references).toEqual([
        { sourceId: 'W2133564696', title: 'Neural Machine Translation by Jointly Learning to Align and Translate', arxivId: '1409.0473' },
        { sourceId: 'W2130942839', title: 'Sequence to Sequence Learning with Neural Networks', arxivId: '1409.3215' },
      ]);
      expect(records[2]).toMatchObject({ title: 'Sequence to Sequence Learning with Neural Networks', abstract: '' });
    });

    it('should say that no papers matched an empty search', async () => {
      api.on('/works', { search: 'zzqqxx' }, json(fixture('openalex/empty.json')));
      const err = await fetchPapers(await options({ query: 'zzqqxx' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmptyResultError);
      expect((err as Error).message).toBe('openalex: no papers matched "zzqqxx"');
    });

    it('should say which work id is unknown on 404', async () => {
      api.on('/works/W9999999999', {}, json(fixture('openalex/not-found.json'), 404));
      const err = await fetchPapers(await options({ query: 'W9999999999' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmptyResultError);
      expect((err as Error).message).toMatch(
        /^openalex: no work has the id W9999999999 \(http:.* answered 404: Not Found: Work W9999999999 not found\)$/,
      );
    });

    it('should report a truncated page with its URL', async () => {
      const page = fixture('openalex/search-page1.json');
      api.on('/works', { search: QUERY, cursor: '*' }, json(page.slice(0, 500)));
      const err = (await fetchPapers(await options()).catch((e: unknown) => e)) as FetchError;
      expect(err).toBeInstanceOf(FetchError);
      expect(err.message).toMatch(
        /^openalex: http:\/\/127\.0\.0\.1:\d+\/works\?search=transformer\+language\+models.* answered 200 with a response that could not be read \(truncated or broken JSON/,
      );
    });
  });
});
