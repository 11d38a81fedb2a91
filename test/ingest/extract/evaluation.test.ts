// Measures extraction against the hand-annotated default-corpus sample and guards the numbers
// reported in docs/extraction-evaluation.md from regressing.
import { describe, expect, it } from 'vitest';
import { evaluateExtraction, readAnnotations } from '../../../ingest/extract/evaluate.js';
import { extractCorpus } from '../../../ingest/extract/index.js';
import { defaultRecords } from './corpus.helper.js';

describe('ingest/extract/evaluate', () => {
  describe('#evaluateExtraction', () => {
    it('should reach the precision and recall documented for proposes, builds-on and datasets', async () => {
      const records = await defaultRecords();
      const annotations = readAnnotations('test/fixtures/annotations/default-corpus.json');
      expect(annotations.papers.length).toBeGreaterThanOrEqual(15);
      const result = evaluateExtraction(extractCorpus(records), records, annotations);
      expect(result.proposes.precision).toBeGreaterThanOrEqual(0.9);
      expect(result.proposes.recall).toBeGreaterThanOrEqual(0.9);
      expect(result.buildsOn.precision).toBeGreaterThanOrEqual(0.75);
      expect(result.buildsOn.recall).toBeGreaterThanOrEqual(0.7);
      expect(result.datasets.precision).toBeGreaterThanOrEqual(0.9);
      expect(result.datasets.recall).toBeGreaterThanOrEqual(0.9);
    });

    it('should name an annotated paper missing from the corpus', async () => {
      const records = await defaultRecords();
      expect(() => evaluateExtraction({ nodes: [], edges: [] }, records, { papers: [{ title: 'Nope', proposes: [], buildsOn: [], datasets: [] }] })).toThrow(
        /ingest\/extract\/evaluate: annotated paper "Nope"/,
      );
    });
  });
});
