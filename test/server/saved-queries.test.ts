// The saved queries in cypher/: every header parses and declares exactly the $params its statement
// uses, bad headers are reported with file and line, and every query returns rows on the default corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { cypherDir } from '../../src/neo4j/paths.js';
import { createCuration } from '../../src/neo4j/curation/store.js';
import { bindParams, cypherParams, loadSavedQueries, parseSavedQuery } from '../../src/server/saved-queries.js';
import { corpusDatabase, testApp } from './helpers.js';

const files = readdirSync(cypherDir)
  .filter((f) => f.endsWith('.cypher') && f !== 'schema.cypher')
  .sort();

describe('server/saved-queries', () => {
  describe('#parseSavedQuery', () => {
    it.each(files)('should find in %s a header whose @param lines match the $params it uses', (file) => {
      const query = parseSavedQuery(join(cypherDir, file), readFileSync(join(cypherDir, file), 'utf8'));
      expect(query.title).not.toBe('');
      expect(query.description).not.toBe('');
      expect(query.columns.length).toBeGreaterThan(0);
      expect(query.params.map((p) => p.name).sort()).toEqual(cypherParams(query.cypher));
      for (const p of query.params) {
        if (p.min !== undefined) expect(Number(p.default)).toBeGreaterThanOrEqual(p.min);
        if (p.max !== undefined) expect(Number(p.default)).toBeLessThanOrEqual(p.max);
      }
    });

    it('should hold at least the twelve queries the API promises', () => {
      expect(files.length).toBeGreaterThanOrEqual(12);
    });

    it('should name the file and line of a bad header', () => {
      expect(() => parseSavedQuery('/x/bad.cypher', '// title: Bad\n// @param depth integer 3\n// @columns a\nRETURN $depth AS a')).toThrow(
        'cypher/bad.cypher line 2: @param depth has type "integer"',
      );
      expect(() => parseSavedQuery('/x/bad.cypher', '// title: Bad\n// @param depth int three\n// @columns a\nRETURN $depth AS a')).toThrow(
        'cypher/bad.cypher line 2: default "three" is not a valid int',
      );
      expect(() => parseSavedQuery('/x/untitled.cypher', '// @columns a\nRETURN 1 AS a')).toThrow(
        'cypher/untitled.cypher: the header has no "// title:" line',
      );
    });

    it('should parse defaults, ranges and multi-line descriptions', () => {
      const q = parseSavedQuery(
        '/x/q.cypher',
        '// title: T\n// description: first line\n// second line\n// @param id string "" the id\n// @param n int 5 1..10 how many\n// @param names string[] a,b\n// @columns a\nRETURN $id AS a, $n AS n, $names AS names\n',
      );
      expect(q.description).toBe('first line second line');
      expect(q.params).toEqual([
        { name: 'id', type: 'string', default: '', description: 'the id' },
        { name: 'n', type: 'int', default: 5, min: 1, max: 10, description: 'how many' },
        { name: 'names', type: 'string[]', default: ['a', 'b'], description: '' },
      ]);
    });
  });

  describe('#cypherParams', () => {
    it('should ignore parameters inside comments and string literals', () => {
      expect(cypherParams("MATCH (n {id: $id}) // $notme\nWHERE n.x = '$nor' AND n.y = $y RETURN n /* $nope */")).toEqual(['id', 'y']);
    });
  });

  describe('#loadSavedQueries', () => {
    it('should load every file once, keyed by file name', () => {
      const queries = loadSavedQueries(cypherDir);
      expect([...queries.keys()]).toEqual(files.map((f) => f.replace(/\.cypher$/, '')));
    });
  });

  describe('#bindParams', () => {
    const query = parseSavedQuery(
      '/x/q.cypher',
      '// title: T\n// @param id string a\n// @param n int 5 1..10\n// @columns a\nRETURN $id AS a, $n AS n',
    );

    it('should fill defaults and turn ints into Neo4j integers', () => {
      const bound = bindParams(query, {}, 'test');
      expect(bound.id).toBe('a');
      expect(String(bound.n)).toBe('5');
      expect(String(bindParams(query, { n: '7' }, 'test').n)).toBe('7');
    });

    it('should refuse unknown names, wrong types and values out of range, naming the parameter', () => {
      expect(() => bindParams(query, { x: 1 }, 'test')).toThrow('unknown parameter "x"');
      expect(() => bindParams(query, { id: 3 }, 'test')).toThrow('parameter "id"');
      expect(() => bindParams(query, { n: 2.5 }, 'test')).toThrow('parameter "n" of saved query "q" must be a whole number');
      expect(() => bindParams(query, { n: 11 }, 'test')).toThrow('must be from 1 to 10');
    });
  });
});

describe('cypher/*.cypher on the default corpus', () => {
  let db: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await corpusDatabase();
    app = await testApp(db);
    // One curated link, so the curated-links query has something to list.
    const session = db.session('READ');
    const link = await session
      .run('MATCH (a:Entity)-[r:BUILDS_ON]->(b:Entity) RETURN a.id AS from, b.id AS to ORDER BY r.id LIMIT 1')
      .finally(() => session.close());
    const [from, to] = [link.records[0]!.get('from') as string, link.records[0]!.get('to') as string];
    await createCuration(db, { action: 'accept', from, to, type: 'BUILDS_ON' }, { who: 'saved-queries test' });
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it.each(files.map((f) => f.replace(/\.cypher$/, '')))(
    'should return rows for %s with its defaults, in its declared columns',
    async (name) => {
      const res = await app.inject({ method: 'POST', url: `/api/queries/${name}`, payload: {} });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.table.rows.length).toBeGreaterThan(0);
      expect(body.table.columns).toEqual(body.columns);
      expect(body.graph.nodes.length).toBeGreaterThan(0);
    },
  );
});
