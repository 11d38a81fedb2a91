// Fetch then ingest into the test run's real Neo4j, one run per source: the papers arrive with their
// identity and code, and Semantic Scholar and OpenAlex references become CITES between fetched papers.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchPapers } from '../../../ingest/fetch/run.js';
import { ingest } from '../../../ingest/run.js';
import type { Database } from '../../../src/neo4j/driver.js';
import { emptyDatabase, freshTestDatabase } from '../../helpers/db.js';
import { scalar } from '../helpers.js';
import { tempFetchDir } from './helpers.js';
import { fixture, json, RecordedApi, xml } from './recorded-api.js';

const SEED = '204e3073870fae3d05bcbc2f6a8e263d9b72e776';
// Extraction and loading take long on a busy shared machine; this is a ceiling, not a measurement.
const SLOW = { timeout: 240_000 };

let db: Database;
let api: RecordedApi;
let dir: string;
beforeAll(async () => {
  db = await freshTestDatabase();
});
afterAll(async () => db?.close());
beforeEach(async () => {
  await emptyDatabase(db);
  api = new RecordedApi();
  dir = tempFetchDir();
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fetchAndIngest(options: Parameters<typeof fetchPapers>[0]) {
  const fetched = await fetchPapers(options);
  const summary = await ingest(db, { files: [fetched.path] });
  expect(summary.rejected).toBe(0);
  return { fetched, summary };
}

const cites = (from: string, to: string) =>
  scalar(db, 'MATCH (a:Paper)-[c:CITES]->(b:Paper) WHERE a.title = $from AND b.title = $to RETURN count(c)', { from, to });

describe('ingest/fetch end to end', () => {
  it('should fetch an arXiv search and load its papers, authors and code', SLOW, async () => {
    const search = 'all:mixture AND all:of AND all:experts';
    api
      .on('/query', { search_query: search, start: 0 }, xml(fixture('arxiv/moe-page1.xml')))
      .on('/query', { search_query: search, start: 2 }, xml(fixture('arxiv/moe-page2.xml')));
    const { summary } = await fetchAndIngest({
      source: 'arxiv',
      query: 'mixture of experts',
      baseUrl: await api.start(),
      dir,
      intervalMs: 0,
      pageSize: 2,
    });
    expect(summary.records).toBe(3);
    expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe(3);
    expect(await scalar(db, 'MATCH (p:Paper {arxivId: "2101.03961"}) RETURN p.doi + " " + toString(p.year)')).toBe(
      '10.5555/3586589.3586709 2021',
    );
    expect(await scalar(db, 'MATCH (:Paper {arxivId: "2101.03961"})-[:AUTHORED_BY]->(a:Author) RETURN count(a)')).toBe(3);
    expect(await scalar(db, 'MATCH (:Paper {arxivId: "2401.04088"})-[:HAS_CODE]->(r:Repository) RETURN r.id')).toBe(
      'repo:github.com/mistralai/mistral-src',
    );
    expect(await scalar(db, 'MATCH (:Paper {arxivId: "2101.03961"})-[:HAS_CODE]->(r:Repository) RETURN r.id')).toBe(
      'repo:github.com/google-research/t5x',
    );
  });

  it('should fetch a Semantic Scholar paper with references and citations and load CITES between them', SLOW, async () => {
    api
      .on('/paper/ARXIV:1706.03762', {}, json(fixture('semantic-scholar/paper-attention.json')))
      .on(`/paper/${SEED}/references`, { offset: 0 }, json(fixture('semantic-scholar/references-page1.json')))
      .on(`/paper/${SEED}/references`, { offset: 2 }, json(fixture('semantic-scholar/references-page2.json')))
      .on(`/paper/${SEED}/citations`, { offset: 0 }, json(fixture('semantic-scholar/citations-page1.json')));
    const options = {
      source: 'semantic-scholar' as const,
      query: 'arXiv:1706.03762',
      references: true,
      citations: true,
      baseUrl: await api.start(),
      dir,
      intervalMs: 0,
      pageSize: 2,
      env: {},
    };
    await fetchAndIngest(options);
    expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe(5);
    expect(await scalar(db, 'MATCH (:Paper)-[c:CITES]->(:Paper) RETURN count(c)')).toBe(4);
    expect(await cites('Attention is All you Need', 'Neural Machine Translation by Jointly Learning to Align and Translate')).toBe(1);
    expect(await cites('Attention is All you Need', 'Sequence to Sequence Learning with Neural Networks')).toBe(1);
    expect(await cites('Attention is All you Need', 'Long Short-Term Memory')).toBe(1);
    expect(
      await cites('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', 'Attention is All you Need'),
    ).toBe(1);
    expect(await scalar(db, 'MATCH (p:Paper {arxivId: "1706.03762"})-[:HAS_CODE]->(r:Repository) RETURN r.id')).toBe(
      'repo:github.com/tensorflow/tensor2tensor',
    );

    // A second run comes from the cache and changes nothing in the graph.
    const before = await scalar(db, 'MATCH ()-[r]->() RETURN count(r)');
    const again = await fetchAndIngest(options);
    expect(again.fetched.requests).toBe(0);
    expect(await scalar(db, 'MATCH ()-[r]->() RETURN count(r)')).toBe(before);
  });

  it('should fetch an OpenAlex search and load CITES between the works found', SLOW, async () => {
    const next = (JSON.parse(fixture('openalex/search-page1.json')) as { meta: { next_cursor: string } }).meta.next_cursor;
    api
      .on('/works', { cursor: '*' }, json(fixture('openalex/search-page1.json')))
      .on('/works', { cursor: next }, json(fixture('openalex/search-page2.json')));
    await fetchAndIngest({
      source: 'openalex',
      query: 'transformer language models',
      baseUrl: await api.start(),
      dir,
      intervalMs: 0,
      pageSize: 2,
      env: {},
    });
    expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe(3);
    expect(await scalar(db, 'MATCH (p:Paper {arxivId: "2005.14165"}) RETURN p.title')).toBe('Language Models are Few-Shot Learners');
    expect(
      await cites('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', 'Attention Is All You Need'),
    ).toBe(1);
    expect(await cites('Language Models are Few-Shot Learners', 'Attention Is All You Need')).toBe(1);
    expect(
      await cites(
        'Language Models are Few-Shot Learners',
        'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      ),
    ).toBe(1);
  });
});
