// Unit tests of the database configuration's memory defaults for the bundled Neo4j.
import { describe, expect, it } from 'vitest';
import { dbConfig, defaultMemory } from '../../src/neo4j/config.js';

const GiB = 1024 * 1024 * 1024;

describe('src/neo4j/config', () => {
  describe('#defaultMemory', () => {
    it('should give a sixteenth of the memory to the heap and an eighth to the page cache', () => {
      expect(defaultMemory(32 * GiB)).toEqual({ heap: '2048m', pageCache: '4096m' });
      expect(defaultMemory(24 * GiB)).toEqual({ heap: '1536m', pageCache: '3072m' });
    });

    it('should keep both within their bounds on small and large machines', () => {
      expect(defaultMemory(2 * GiB)).toEqual({ heap: '1024m', pageCache: '256m' });
      expect(defaultMemory(512 * GiB)).toEqual({ heap: '4096m', pageCache: '4096m' });
    });
  });

  describe('#dbConfig', () => {
    it('should prefer METHODGRAPH_DB_HEAP and METHODGRAPH_DB_PAGECACHE to the defaults', () => {
      const config = dbConfig({ METHODGRAPH_DB_HEAP: '3g', METHODGRAPH_DB_PAGECACHE: '512m' });
      expect(config.bundled.heap).toBe('3g');
      expect(config.bundled.pageCache).toBe('512m');
      expect(dbConfig({}).bundled).toMatchObject(defaultMemory());
    });
  });
});
