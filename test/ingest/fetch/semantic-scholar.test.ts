// The Semantic Scholar source against recorded Graph API responses: the paper with its reference
// list, references and citations paged by offset/next, deeper hops, the API key header, unknown
// ids, 429 with Retry-After, 5xx then success, truncated JSON and a second run from the cache.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchPapers, type FetchOptions } from '../../../ingest/fetch/run.js';
import { semanticScholarId } from '../../../ingest/fetch/semantic-scholar.js';
import { EmptyResultError, FetchError } from '../../../ingest/fetch/types.js';
import { readBack, tempFetchDir } from './helpers.js';
import { fixture, json, RecordedApi } from './recorded-api.js';

const SEED = '204e3073870fae3d05bcbc2f6a8e263d9b72e776';
const SEED_FIELDS = 'paperId,externalIds,title,abstract,year,authors,url,references.paperId,references.title,references.externalIds';
const LEVEL_ONE = [
  'fa72afa9b2cbc8f0d7b05d52548906610ffbb9c5',
  'cea967b59209c6be22829699f05b8b1ac4dc092d',
  '2e9d221c206e9503ceb452302d68d10e293f2a10',
];

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

function recordedPaper(): RecordedApi {
  return api
    .on('/paper/ARXIV:1706.03762', { fields: SEED_FIELDS }, json(fixture('semantic-scholar/paper-attention.json')))
    .on(`/paper/${SEED}/references`, { offset: 0, limit: 2 }, json(fixture('semantic-scholar/references-page1.json')))
    .on(`/paper/${SEED}/references`, { offset: 2, limit: 2 }, json(fixture('semantic-scholar/references-page2.json')))
    .on(`/paper/${SEED}/citations`, { offset: 0, limit: 2 }, json(fixture('semantic-scholar/citations-page1.json')));
}

async function options(extra: Partial<FetchOptions> = {}): Promise<FetchOptions> {
  return {
    source: 'semantic-scholar',
    query: 'arXiv:1706.03762',
    baseUrl: api.url || (await api.start()),
    dir,
    intervalMs: 0,
    pageSize: 2,
    env: {},
    retry: { retryBaseMs: 10 },
    ...extra,
  };
}

describe('ingest/fetch/semantic-scholar', () => {
  describe('#semanticScholarId', () => {
    it('should accept the id forms the Graph API takes and refuse others', () => {
      expect(semanticScholarId('arXiv:1706.03762')).toBe('ARXIV:1706.03762');
      expect(semanticScholarId('doi:10.18653/v1/N19-1423')).toBe('DOI:10.18653/v1/N19-1423');
      expect(semanticScholarId('10.18653/v1/N19-1423')).toBe('DOI:10.18653/v1/N19-1423');
      expect(semanticScholarId('1706.03762v5')).toBe('ARXIV:1706.03762v5');
      expect(semanticScholarId('CorpusId:13756489')).toBe('CorpusId:13756489');
      expect(semanticScholarId(SEED.toUpperCase())).toBe(SEED);
      expect(semanticScholarId('attention is all you need')).toBeUndefined();
      expect(semanticScholarId('foo:bar')).toBeUndefined();
    });
  });

  describe('#fetchPapers', () => {
    it('should fetch the paper alone with its reference list', async () => {
      recordedPaper();
      const result = await fetchPapers(await options());
      expect(result).toMatchObject({ records: 1, pages: 1, requests: 1 });
      const { records, issues } = await readBack(result.path);
      expect(issues).toEqual([]);
      expect(records[0]).toMatchObject({
        title: 'Attention is All you Need',
        sourceId: SEED,
        arxivId: '1706.03762',
        year: 2017,
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      });
      expect(records[0]!.references).toEqual([
        { sourceId: LEVEL_ONE[0], title: 'Neural Machine Translation by Jointly Learning to Align and Translate', arxivId: '1409.0473' },
        { sourceId: LEVEL_ONE[1], title: 'Sequence to Sequence Learning with Neural Networks', arxivId: '1409.3215' },
        { sourceId: LEVEL_ONE[2], title: 'Long Short-Term Memory', doi: '10.1162/neco.1997.9.8.1735' },
        { title: 'Factorization tricks for LSTM networks' },
      ]);
    });

    it('should page through references and citations and record who cites whom', async () => {
      recordedPaper();
      const result = await fetchPapers(await options({ references: true, citations: true }));
      expect(result).toMatchObject({ records: 5, pages: 4, requests: 4 });
      const { records } = await readBack(result.path);
      expect(records.map((r) => r.title)).toEqual([
        'Attention is All you Need',
        'Neural Machine Translation by Jointly Learning to Align and Translate',
        'Sequence to Sequence Learning with Neural Networks',
        'Long Short-Term Memory',
        'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      ]);
      const bert = records[4]!;
      expect(bert).toMatchObject({ arxivId: '1810.04805', doi: '10.18653/v1/n19-1423', year: 2019 });
      expect(bert.references).toEqual([{ sourceId: SEED, title: 'Attention is All you Need', arxivId: '1706.03762' }]);
      expect(records[0]!.references).toHaveLength(4);
      expect(records[3]!.doi).toBe('10.1162/neco.1997.9.8.1735');
    });

    it('should send the API key when SEMANTIC_SCHOLAR_API_KEY is set', async () => {
      recordedPaper();
      await fetchPapers(await options({ env: { SEMANTIC_SCHOLAR_API_KEY: 'test-key' } }));
      expect(api.headers[0]!['x-api-key']).toBe('test-key');
      await fetchPapers(await options({ env: {}, refresh: true }));
      expect(api.headers[1]!['x-api-key']).toBeUndefined();
    });

    it('should follow a second hop with --depth 2', async () => {
      recordedPaper();
      for (const id of LEVEL_ONE) api.on(`/paper/${id}/references`, { offset: 0 }, json('{"offset":0,"data":[]}'));
      const result = await fetchPapers(await options({ references: true, depth: 2 }));
      expect(result.records).toBe(4);
      for (const id of LEVEL_ONE) expect(api.count(`/paper/${id}/references`)).toBe(1);
    });

    it('should serve a second identical run from the cache', async () => {
      recordedPaper();
      await fetchPapers(await options({ references: true, citations: true }));
      const second = await fetchPapers(await options({ references: true, citations: true }));
      expect(second).toMatchObject({ records: 5, cachedPages: 4, requests: 0 });
      expect(api.requests).toHaveLength(4);
    });

    it('should say which id is unknown on 404', async () => {
      api.on('/paper/ARXIV:9999.99999', {}, json(fixture('semantic-scholar/not-found.json'), 404));
      const err = await fetchPapers(await options({ query: 'arXiv:9999.99999' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmptyResultError);
      expect((err as Error).message).toMatch(
        /^semantic-scholar: no paper has the id ARXIV:9999\.99999 \(http:.* answered 404: Paper with id ARXIV:9999\.99999 not found\)$/,
      );
    });

    it('should wait out a 429 with Retry-After and go on', async () => {
      recordedPaper();
      api.routesFirst(
        `/paper/${SEED}/references`,
        { offset: 0 },
        json(fixture('semantic-scholar/too-many-requests.json'), 429, { 'retry-after': '1' }),
        json(fixture('semantic-scholar/references-page1.json')),
      );
      const waits: [number, string][] = [];
      const result = await fetchPapers(await options({ references: true, onRetry: (ms, why) => waits.push([ms, why]) }));
      expect(waits).toEqual([[1000, 'answered 429 Too Many Requests (Retry-After)']]);
      expect(result.records).toBe(4);
    });

    it('should retry a 5xx and succeed, or give up naming the URL and the status', async () => {
      recordedPaper();
      api.routesFirst(
        `/paper/${SEED}/citations`,
        { offset: 0 },
        json('{"message":"Internal Server Error"}', 500),
        json(fixture('semantic-scholar/citations-page1.json')),
      );
      expect((await fetchPapers(await options({ citations: true }))).records).toBe(2);

      api.routesFirst(`/paper/${SEED}/references`, { offset: 0 }, json('{"message":"Bad Gateway"}', 502));
      const err = (await fetchPapers(await options({ references: true, retry: { retryBaseMs: 10, maxTries: 2 } })).catch(
        (e: unknown) => e,
      )) as FetchError;
      expect(err).toBeInstanceOf(FetchError);
      expect(err.status).toBe(502);
      expect(err.message).toMatch(
        new RegExp(
          `^semantic-scholar: http://127\\.0\\.0\\.1:\\d+/paper/${SEED}/references\\?.* answered 502 Bad Gateway on all 2 tries; giving up`,
        ),
      );
    });

    it('should report a truncated JSON page and fetch it again on the next run', async () => {
      recordedPaper();
      const page = fixture('semantic-scholar/references-page2.json');
      api.routesFirst(`/paper/${SEED}/references`, { offset: 2 }, json(page.slice(0, 200)), json(page));
      const err = (await fetchPapers(await options({ references: true })).catch((e: unknown) => e)) as FetchError;
      expect(err.message).toContain('answered 200 with a response that could not be read (truncated or broken JSON');
      const again = await fetchPapers(await options({ references: true }));
      expect(again).toMatchObject({ records: 4, cachedPages: 2, requests: 1 });
    });
  });
});
