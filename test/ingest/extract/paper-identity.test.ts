// Tests for paper identity: normalized title keys and stable paper ids.
import { describe, expect, it } from 'vitest';
import { paperId, titleKey } from '../../../ingest/extract/paper-identity.js';

describe('ingest/extract/paper-identity', () => {
  describe('#titleKey', () => {
    it('should ignore case, accents, punctuation, LaTeX and spacing', () => {
      expect(titleKey('m2mKD: Module-to-Module  Knowledge Distillation')).toBe('m2mkd module to module knowledge distillation');
      expect(titleKey('M2MKD -- module to module, knowledge {D}istillation')).toBe('m2mkd module to module knowledge distillation');
      expect(titleKey('Caf\u00e9 \\textbf{Models}')).toBe('cafe models');
    });
  });

  describe('#paperId', () => {
    it('should give the same id to the same title from any source and short ids to long titles', () => {
      expect(paperId({ title: 'Titans: Learning to Memorize at Test Time' })).toBe('paper:titans-learning-to-memorize-at-test-time');
      expect(paperId({ title: 'TITANS -- learning to memorize at test time' })).toBe(
        paperId({ title: 'Titans: Learning to Memorize at Test Time' }),
      );
      const long = paperId({ title: 'A '.repeat(100) + 'very long title' });
      expect(long.length).toBeLessThanOrEqual('paper:'.length + 80 + 9);
      expect(long).toMatch(/-[0-9a-f]{8}$/);
    });
  });
});
