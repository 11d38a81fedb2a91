// Unit tests of the user-text to Lucene translation used by GET /api/search.
import { describe, expect, it } from 'vitest';
import { escapeLucene, nameKey, searchTerms, toLuceneQuery } from '../../src/server/lucene.js';

describe('server/lucene', () => {
  describe('#escapeLucene', () => {
    it('should escape every Lucene special character', () => {
      expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
        'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
      );
    });
  });

  describe('#searchTerms', () => {
    it('should split like the standard analyzer and lower-case, so operators become plain words', () => {
      expect(searchTerms('V-MoE AND (Mixture-of-Experts)*')).toEqual(['v', 'moe', 'and', 'mixture', 'of', 'experts']);
      expect(searchTerms('  ')).toEqual([]);
      expect(searchTerms('Überwachtes Lernen')).toEqual(['überwachtes', 'lernen']);
    });
  });

  describe('#toLuceneQuery', () => {
    it('should match one word whole or as a prefix', () => {
      expect(toLuceneQuery('Mamb')).toBe('(mamb^2 OR mamb*)');
    });

    it('should require every word, boost the phrase and also try the words run together', () => {
      expect(toLuceneQuery('m2m KD')).toBe('(+(m2m^2 OR m2m*) +(kd^2 OR kd*)) OR "m2m kd"^4 OR m2mkd^2 OR m2mkd*');
    });

    it('should give undefined for text without a letter or digit', () => {
      expect(toLuceneQuery('*?!')).toBeUndefined();
    });
  });

  describe('#nameKey', () => {
    it('should make the key ingest stores: letters and digits run together, lower-cased, without accents', () => {
      expect(nameKey('Knowledge-Distillation!')).toBe('knowledgedistillation');
      expect(nameKey('SparseDINOv2')).toBe('sparsedinov2');
      expect(nameKey('Überwachtes Lernen')).toBe('uberwachteslernen');
    });
  });
});
