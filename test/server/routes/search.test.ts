// GET /api/search against the real Neo4j loaded with the default corpus: prefixes, aliases, ranking,
// label filters, Lucene syntax as text and 400s naming the parameter.
import { describe, expect, it } from 'vitest';
import { GraphStateReader, NameIndexReader, search, Searcher, type NameIndex } from '../../../src/server/db/reads/index.js';
import { searchTerms, toLuceneQuery } from '../../../src/server/lucene.js';
import { ErrorResponse } from '../../../src/shared/api/common.js';
import { NODE_LABELS } from '../../../src/shared/graph.js';
import { SearchResponse } from '../../../src/shared/api/search.js';
import type { WireNode } from '../../../src/shared/graph.js';
import { expectShape, getFrom, useCorpusApp } from './corpus-app.js';

const ctx = useCorpusApp();
const get = (url: string) => getFrom(ctx.app, url);

describe('server/routes/search', () => {
  describe('GET /api/search', () => {
    it('should find Mamba and MambaMixer from the prefix "mamb"', async () => {
      const { status, body } = await get('/api/search?q=mamb');
      expect(status).toBe(200);
      const names = (body.results as { node: WireNode }[]).map((r) => r.node.name.toLowerCase());
      expect(names).toContain('mamba');
      expect(names.some((n) => n.startsWith('mambamixer'))).toBe(true);
      expect(names.indexOf('mamba')).toBeLessThan(names.findIndex((n) => n.startsWith('mambamixer')));
    });

    it('should find knowledge distillation through its alias "kd" first and say which alias matched', async () => {
      const { body } = await get('/api/search?q=kd');
      const first = (body.results as { node: WireNode; matched: string | null }[])[0]!;
      expect(first.node.id).toBe('method:knowledge-distillation');
      expect(first.matched?.toLowerCase()).toBe('kd');
    });

    it('should find a name written as one word from its parts ("m2m kd" finds m2mKD)', async () => {
      const { body } = await get('/api/search?q=m2m%20kd&labels=Method');
      expect((body.results as { node: WireNode }[])[0]!.node.name).toBe('m2mKD');
    });

    it('should put a method or architecture whose name starts with the text above papers and concepts ("transf" finds Transformer first)', async () => {
      const { body } = await get('/api/search?q=transf');
      const results = body.results as { node: WireNode; score: number }[];
      expect(results[0]!.node.name).toBe('Transformer');
      const isIdea = (r: { node: WireNode }) => ['Method', 'Architecture', 'Dataset'].includes(r.node.label);
      // Name matches of ideas (score 3 or 4) come before anything else.
      const firstOther = results.findIndex((r) => !isIdea(r) || r.score < 3);
      expect(firstOther).toBeGreaterThan(0);
      expect(results.slice(firstOther).some((r) => isIdea(r) && r.score >= 3)).toBe(false);
    });

    it('should find a name from a typo (two letters swapped) and from joined words', async () => {
      const typo = (await get('/api/search?q=transfromer')).body.results as { node: WireNode }[];
      expect(typo.map((r) => r.node.name)).toContain('Transformer');
      const joined = (await get('/api/search?q=knowledgedist')).body.results as { node: WireNode }[];
      expect(joined[0]!.node.id).toBe('method:knowledge-distillation');
    });

    it('should leave the abstract out of search results', async () => {
      const { body } = await get('/api/search?q=distillation&labels=Paper');
      const results = body.results as { node: WireNode }[];
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect(r.node.properties.abstract).toBeUndefined();
    });

    it('should rank results by score and filter by label', async () => {
      const { body } = await get('/api/search?q=knowledge%20distillation&labels=Method,Architecture&limit=5');
      const results = body.results as { node: WireNode; score: number }[];
      expect(results.length).toBeGreaterThan(0);
      expect(results.length).toBeLessThanOrEqual(5);
      for (const r of results) expect(['Method', 'Architecture']).toContain(r.node.label);
      expect(results[0]!.node.id).toBe('method:knowledge-distillation');
    });

    it('should treat Lucene special characters as text, not syntax', async () => {
      for (const q of ['mamba)', 'AND OR NOT', '"unterminated', 'a:b*?~^', '\\', '(knowledge) [distillation]', '*']) {
        const { status } = await get(`/api/search?q=${encodeURIComponent(q)}`);
        expect(status).toBe(200);
      }
      const { body } = await get(`/api/search?q=${encodeURIComponent('knowledge-distillation!')}`);
      expect((body.results as { node: WireNode }[])[0]!.node.id).toBe('method:knowledge-distillation');
    });

    it('should answer 400 naming the parameter for a missing q, a bad limit or an unknown label', async () => {
      const missing = await get('/api/search');
      expect(missing.status).toBe(400);
      expect(missing.body.error!.code).toBe('invalid_parameter');
      expect(missing.body.error!.message).toContain('"q"');
      const limit = await get('/api/search?q=x&limit=1000');
      expect(limit.status).toBe(400);
      expect(limit.body.error!.message).toContain('"limit"');
      const label = await get('/api/search?q=x&labels=Person');
      expect(label.status).toBe(400);
      expect(label.body.error!.message).toContain('"labels"');
      const unknown = await get('/api/search?q=x&lmit=3');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error!.message).toContain('"lmit"');
    });
  });

  describe('name index', () => {
    /** The index of the reader's current state, once built (the build runs in the background). */
    async function built(names: NameIndexReader): Promise<NameIndex> {
      for (let i = 0; i < 200; i++) {
        const index = await names.index();
        if (index) return index;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('test: the name index was not built within 10 s');
    }

    it('should answer as the search through Neo4j does, from memory where ten ideas match the name', async () => {
      const names = new NameIndexReader(ctx.db, new GraphStateReader(ctx.db));
      const index = await built(names);
      const searcher = new Searcher(ctx.db, names);
      // Letters that begin at least ten ideas' names or aliases (answered from memory), and names with fewer matches (through Neo4j).
      const letters = [...'abcdefghijklmnopqrstuvwxyz'].filter((l) => index.prefixed(l, NODE_LABELS).length >= 10);
      expect(letters.length).toBeGreaterThan(2);
      const queries = [...letters.slice(0, 4), 'mamb', 'kd', 'transf', 'knowledge distillation', 'zzzzqqqq'];
      for (const q of queries) {
        for (const labels of [NODE_LABELS, ['Method', 'Dataset'] as const]) {
          const expected = await search(ctx.db, toLuceneQuery(q)!, searchTerms(q), labels, 10);
          expect(await searcher.search(toLuceneQuery(q)!, searchTerms(q), labels, 10), `"${q}" in ${labels.join(',')}`).toEqual(expected);
        }
      }
    });

    it('should build the index again when the graph state changes, and keep it while the state stays', async () => {
      let key = 'state-1';
      const state = { read: async () => ({ key, nodeCounts: [], stored: null }) } as unknown as GraphStateReader;
      const names = new NameIndexReader(ctx.db, state);
      const first = await built(names);
      expect(await names.index()).toBe(first);
      key = 'state-2';
      // A new state: the old index is not served (searches read Neo4j) until the new one is built; it
      // is still the latest built, which tells a search whether the index might answer at all.
      expect(await names.index()).toBeUndefined();
      expect(names.latest()).toBe(first);
      const second = await built(names);
      expect(second).not.toBe(first);
      expect(names.latest()).toBe(second);
      expect(second.ideas.length).toBe(first.ideas.length);
    });

    it('should build the index on a later search when the build at start could not read the graph', async () => {
      let reads = 0;
      const state = {
        read: async () => {
          reads++;
          if (reads === 1) throw new Error('test: Neo4j is not reachable yet');
          return { key: 'state-1', nodeCounts: [], stored: null };
        },
      } as unknown as GraphStateReader;
      const names = new NameIndexReader(ctx.db, state);
      await expect(names.index()).rejects.toThrow('not reachable');
      expect(names.latest()).toBeUndefined();
      const searcher = new Searcher(ctx.db, names);
      // The search answers through Neo4j and starts the build.
      const expected = await search(ctx.db, toLuceneQuery('kd')!, searchTerms('kd'), NODE_LABELS, 10);
      expect(await searcher.search(toLuceneQuery('kd')!, searchTerms('kd'), NODE_LABELS, 10)).toEqual(expected);
      // Without asking the reader again: the search alone started it.
      await expect.poll(() => names.latest(), { timeout: 10_000 }).toBeDefined();
      expect(reads).toBe(2);
    });
  });

  describe('contract', () => {
    it('should answer in the shape of SearchResponse, with and without hits and label filters', async () => {
      for (const url of [
        '/api/search?q=mamb',
        '/api/search?q=kd',
        '/api/search?q=distillation&labels=Paper,Repository&limit=50',
        '/api/search?q=zzzzqqqq',
        '/api/search?q=*',
      ]) {
        const { status, body } = await get(url);
        expect(status).toBe(200);
        expectShape(SearchResponse, body);
      }
    });

    it('should answer a bad parameter in the shape of ErrorResponse', async () => {
      const { status, body } = await get('/api/search?q=x&limit=1000');
      expect(status).toBe(400);
      expectShape(ErrorResponse, body);
    });
  });
});
