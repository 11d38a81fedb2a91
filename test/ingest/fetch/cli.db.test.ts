// `npm run fetch` as a user runs it (child processes against the recorded arXiv API): argument
// checks, --no-ingest, --dry-run, an empty result, and Ctrl-C then a run that resumes from the cache.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { UsageError } from '../../../ingest/cli-args.js';
import { parseFetchCli } from '../../../ingest/fetch/args.js';
import type { Database } from '../../../src/neo4j/driver.js';
import { emptyDatabase, freshTestDatabase } from '../../helpers/db.js';
import { scalar } from '../helpers.js';
import { tempFetchDir } from './helpers.js';
import { fixture, json, RecordedApi, xml } from './recorded-api.js';

const root = join(import.meta.dirname, '..', '..', '..');
const SEARCH = 'all:mixture AND all:of AND all:experts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'ingest', 'fetch', 'cli.ts'), ...args], {
    cwd: root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin!.end();
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

let api: RecordedApi;
let dir: string;
let env: NodeJS.ProcessEnv;
let db: Database;
beforeAll(async () => {
  db = await freshTestDatabase();
});
afterAll(async () => db?.close());
beforeEach(async () => {
  api = new RecordedApi();
  dir = tempFetchDir();
  api
    .on('/query', { search_query: SEARCH, start: 0, max_results: 2 }, xml(fixture('arxiv/moe-page1.xml')))
    .on('/query', { search_query: SEARCH, start: 2, max_results: 2 }, xml(fixture('arxiv/moe-page2.xml')))
    .on('/query', { search_query: 'all:zzqqxxnotaword' }, xml(fixture('arxiv/empty.xml')));
  // No NEO4J_URI: only the test that ingests into the test database names one.
  env = {
    PATH: process.env.PATH,
    METHODGRAPH_ARXIV_URL: await api.start(),
    METHODGRAPH_FETCH_DIR: dir,
    METHODGRAPH_FETCH_INTERVAL_MS: '0',
  };
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest/fetch/cli', () => {
  describe('#parseFetchCli', () => {
    const refused = (argv: string[]) => {
      try {
        parseFetchCli(argv);
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
        return (err as Error).message;
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };

    it('should name the argument and what is expected', () => {
      expect(refused([])).toBe('name a source: arxiv, semantic-scholar, openalex; see --help');
      expect(refused(['pubmed', 'x'])).toBe('unknown source "pubmed"; use one of arxiv, semantic-scholar, openalex');
      expect(refused(['arxiv'])).toBe('arxiv needs a search query in quotes, e.g. "mixture of experts"');
      expect(refused(['arxiv', 'mixture', 'of'])).toBe('unexpected argument "of"; put a query of several words in quotes');
      expect(refused(['semantic-scholar', 'attention'])).toBe(
        'semantic-scholar: "attention" is not a paper id; expected a 40-character Semantic Scholar id, DOI:10.…, arXiv:2402.12345 or CorpusId:123',
      );
      expect(refused(['openalex', 'x', '--citations'])).toBe('--citations works with semantic-scholar only, not openalex');
      expect(refused(['arxiv', 'x', '--references'])).toBe(
        '--references works with semantic-scholar and openalex; the arXiv API gives no reference lists',
      );
      expect(refused(['semantic-scholar', 'arXiv:1706.03762', '--depth', '2'])).toBe(
        '--depth needs --references or --citations (it says how many hops of them to follow)',
      );
      expect(refused(['semantic-scholar', 'arXiv:1706.03762', '--references', '--depth', '9'])).toBe(
        '--depth "9" must be a whole number from 1 to 3',
      );
      expect(refused(['arxiv', 'x', '--max', 'lots'])).toBe('--max "lots" must be a whole number from 1 to 10000');
      expect(refused(['arxiv', 'x', '--base-url', 'ftp://example.org'])).toBe(
        '--base-url "ftp://example.org" must start with http:// or https://',
      );
      expect(refused(['arxiv', 'x', '--no-ingest', '--dry-run'])).toBe(
        '--no-ingest skips the ingest and --dry-run changes how it runs; use one or the other',
      );
      expect(refused(['arxiv', 'x', '--bogus'])).toMatch(/^Unknown option '--bogus'.*; see --help$/);
    });

    it('should accept each source with its options', () => {
      expect(parseFetchCli(['semantic-scholar', 'arXiv:1706.03762', '--references', '--citations', '--depth', '2'])).toMatchObject({
        source: 'semantic-scholar',
        query: 'arXiv:1706.03762',
        references: true,
        citations: true,
        depth: 2,
        ingest: true,
      });
      expect(parseFetchCli(['openalex', 'https://openalex.org/W2963403868', '--references', '--max', '50'])).toMatchObject({
        query: 'W2963403868',
        max: 50,
      });
      expect(parseFetchCli(['arxiv', 'state space models', '--no-ingest'])).toMatchObject({
        query: 'state space models',
        ingest: false,
        max: 100,
      });
    });
  });

  describe('#main', () => {
    it('should fetch with --no-ingest and print the JSONL path', async () => {
      const run = await start(['arxiv', 'mixture of experts', '--page-size', '2', '--no-ingest'], env).done;
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const path = /wrote (\S+\.jsonl)/.exec(run.stdout)?.[1];
      expect(path).toMatch(new RegExp(`^${dir}/arxiv/[0-9a-f]{16}\\.jsonl$`));
      expect(existsSync(path!)).toBe(true);
      expect(run.stdout).toContain('fetch: 3 paper(s) from arxiv in 2 page(s) (2 request(s), 0 page(s) from the cache)');
    });

    it('should hand the file to the ingest with --dry-run', { timeout: 180_000 }, async () => {
      const run = await start(['arxiv', 'mixture of experts', '--page-size', '2', '--dry-run'], env).done;
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('ingest: 3 record(s), 0 rejected');
      expect(run.stdout).toContain('(dry run: nothing written)');
    });

    it('should fetch from Semantic Scholar and ingest into Neo4j', { timeout: 240_000 }, async () => {
      await emptyDatabase(db);
      const seed = '204e3073870fae3d05bcbc2f6a8e263d9b72e776';
      api
        .on('/paper/ARXIV:1706.03762', {}, json(fixture('semantic-scholar/paper-attention.json')))
        .on(`/paper/${seed}/citations`, { offset: 0 }, json(fixture('semantic-scholar/citations-page1.json')));
      const run = await start(['semantic-scholar', 'arXiv:1706.03762', '--citations'], {
        ...process.env,
        ...env,
        METHODGRAPH_S2_URL: api.url,
        NEO4J_URI: inject('neo4jUri'),
      }).done;
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('fetch: 2 paper(s) from semantic-scholar in 2 page(s)');
      expect(run.stdout).toContain('ingest: 2 record(s), 0 rejected');
      expect(await scalar(db, 'MATCH (:Paper {arxivId: "1810.04805"})-[c:CITES]->(:Paper {arxivId: "1706.03762"}) RETURN count(c)')).toBe(
        1,
      );
    });

    it('should exit 1 and say so when nothing matched', async () => {
      const run = await start(['arxiv', 'zzqqxxnotaword'], env).done;
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('fetch: arxiv: no papers matched "zzqqxxnotaword" (search_query all:zzqqxxnotaword)\n');
    });

    it('should stop on Ctrl-C and resume from the cache on the next run', { timeout: 180_000 }, async () => {
      // A long interval keeps the first run waiting for its turn after page 1.
      const first = start(['arxiv', 'mixture of experts', '--page-size', '2', '--no-ingest', '--interval-ms', '600000'], env);
      const http = join(dir, 'http');
      while (!(existsSync(http) && readdirSync(http).some((f) => f.endsWith('.json')))) await new Promise((r) => setTimeout(r, 50));
      first.child.kill('SIGINT');
      const interrupted = await first.done;
      expect(interrupted.code).toBe(130);
      expect(interrupted.stderr).toContain('fetch: interrupted; the pages fetched so far are cached: run the same command again to resume');
      expect(existsSync(join(dir, 'arxiv')) ? readdirSync(join(dir, 'arxiv')) : []).toEqual([]);

      const resumed = await start(['arxiv', 'mixture of experts', '--page-size', '2', '--no-ingest'], env).done;
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toContain('fetch: 3 paper(s) from arxiv in 2 page(s) (1 request(s), 1 page(s) from the cache)');
      expect(api.count('/query', { start: 0 })).toBe(1);
      expect(api.count('/query', { start: 2 })).toBe(1);
    });
  });
});
