// The token-level guard of ad-hoc Cypher: literals and comments never count, brackets nest within
// limits, only allow-listed procedures and SHOW commands pass.
import { describe, expect, it } from 'vitest';
import { guardQuery, tokenize } from '../../../src/server/db/cypher-guard.js';

describe('server/db/cypher-guard', () => {
  describe('#tokenize', () => {
    it('should keep string literals whole and drop comments', () => {
      const tokens = tokenize("MATCH (p) // LOAD CSV\nWHERE p.t = 'it\\'s (' /* CALL x() */ RETURN `a``b`");
      expect(tokens.filter((t) => t.kind === 'string').map((t) => t.text)).toEqual(["it\\'s ("]);
      expect(tokens.some((t) => t.text === 'LOAD' || t.text === 'CALL')).toBe(false);
      expect(tokens.at(-1)).toEqual({ kind: 'quoted', text: 'a`b' });
    });

    it('should refuse an unterminated string', () => {
      expect(() => tokenize("RETURN 'abc")).toThrow(/string that starts at character 8 is never closed/);
    });
  });

  describe('#guardQuery', () => {
    it.each([
      "MATCH (p:Paper) WHERE p.abstract CONTAINS 'load csv' RETURN p",
      'MATCH (p:Paper) WHERE p.abstract CONTAINS "CALL db.stats.clear()" RETURN p',
      'MATCH (n) RETURN n.show, n.call // SHOW TRANSACTIONS',
      'CALL db.labels() YIELD label RETURN label',
      "CALL db.index.fulltext.queryNodes('node_text', $q) YIELD node RETURN node",
      'CALL (n) { RETURN 1 AS one } RETURN one',
      'CALL { MATCH (n) RETURN n } RETURN count(n)',
      'SHOW INDEXES YIELD name RETURN name',
      'SHOW RANGE INDEXES',
      'SHOW UNIQUE CONSTRAINTS',
      'SHOW PROCEDURES',
      `RETURN ${'('.repeat(64)}1${')'.repeat(64)} AS x`,
    ])('should let %s through', (query) => {
      expect(() => guardQuery(query)).not.toThrow();
    });

    it.each([
      ["CALL db.stats.retrieve('QUERIES')", /procedure db\.stats\.retrieve is not allowed/],
      ['CALL `db`.`stats`.`clear`()', /procedure db\.stats\.clear is not allowed/],
      ['call db.resampleOutdatedIndexes()', /procedure db\.resampleOutdatedIndexes is not allowed/],
      ['MATCH (n) CALL apoc.cypher.run("x", {}) YIELD value RETURN value', /procedure apoc\.cypher\.run is not allowed/],
      ['SHOW TRANSACTIONS', /SHOW TRANSACTIONS is not allowed/],
      ['SHOW SETTINGS', /SHOW SETTINGS is not allowed/],
      ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", /LOAD CSV/],
      ['MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS', /IN TRANSACTIONS/],
      ['DROP INDEX node_text', /administration/],
      ['EXPLAIN CREATE DATABASE evil', /administration/],
      [`RETURN ${'('.repeat(65)}1${')'.repeat(65)} AS x`, /nested more than 64 deep/],
      [`RETURN '${'x'.repeat(20_001)}'`, /at most 20000 are accepted/],
    ])('should refuse %s', (query, why) => {
      expect(() => guardQuery(query)).toThrow(why);
    });
  });
});
