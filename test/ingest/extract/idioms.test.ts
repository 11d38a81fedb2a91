import { describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../ingest/extract/index.js';

const uses = (abstract: string) =>
  extractCorpus([{ title: 'Notes on Sequences', abstract, source: 'invented.json#1' }])
    .edges.filter((e) => e.type === 'USES')
    .map((e) => e.target);

describe('ingest/extract idioms', () => {
  it('should read the bare word attention as the attention mechanism', () => {
    expect(uses('Each layer applies attention over the previous tokens.')).toContain('method:attention-mechanism');
  });

  it('should not read attention that means interest as a mention', () => {
    for (const abstract of [
      'Modular networks have received increasing attention in the last decade.',
      'Sparse models are gaining a lot of attention from the community.',
      'We pay special attention to the memory cost of each layer.',
      'This problem has attracted attention in recent years.',
    ]) {
      expect(uses(abstract), abstract).not.toContain('method:attention-mechanism');
    }
  });
});
