// Tests for the streaming extractor: addPaper/finish contract, source metadata (methods, code,
// authors, references), cross-paper links in either order, and run-time taxonomy extension.
import { describe, expect, it } from 'vitest';
import { createExtractor, extractCorpus, mergeGraphs } from '../../../ingest/extract/index.js';
import { paperId } from '../../../ingest/extract/paper-identity.js';
import { graphTopics } from '../../../ingest/extract/topics/graph.js';
import { Taxonomy } from '../../../ingest/taxonomy/taxonomy.js';
import type { PaperRecord } from '../../../ingest/types.js';
import { defaultRecords } from './corpus.helper.js';

const record = (title: string, abstract: string, extra: Partial<PaperRecord> = {}): PaperRecord => ({
  title,
  abstract,
  source: 'test.json#1',
  ...extra,
});

describe('ingest/extract', () => {
  describe('#createExtractor', () => {
    it('should return per-paper output from addPaper and corpus output from finish, which with the topics equal extractCorpus', async () => {
      const records = (await defaultRecords()).slice(0, 12);
      const extractor = createExtractor();
      const parts = records.map((r) => extractor.addPaper(r));
      for (const [i, part] of parts.entries()) {
        expect(part.nodes.filter((n) => n.label === 'Paper').map((n) => n.id)).toEqual([paperId(records[i]!)]);
        expect(part.edges.some((e) => e.type === 'SIMILAR_TO' || e.type === 'MENTIONS')).toBe(false);
      }
      const last = extractor.finish();
      expect(last.edges.every((e) => ['CITES', 'BUILDS_ON', 'USES'].includes(e.type))).toBe(true);
      const perRun = mergeGraphs([...parts, last]);
      const merged = mergeGraphs([perRun, graphTopics(perRun, extractor.taxonomy)]);
      const whole = extractCorpus(records);
      expect(merged.nodes.map((n) => n.id).sort()).toEqual(whole.nodes.map((n) => n.id).sort());
      expect(merged.edges.map((e) => e.id).sort()).toEqual(whole.edges.map((e) => e.id).sort());
    });

    it('should turn source metadata into USES, HAS_CODE, AUTHORED_BY and CITES edges', () => {
      const extractor = createExtractor();
      const a = record('Paper A: something', 'We study things. Nothing more.', {
        arxivId: '2401.00001',
        authors: ['Ada Lovelace', 'Alan Turing'],
        code: ['https://github.com/Org/Repo.git', 'https://github.com/org/repo/tree/main'],
        methods: [{ name: 'Dropout' }, { name: 'Fancy Trick', fullName: 'A Very Fancy Trick', description: 'a trick' }],
      });
      const b = record('Paper B', 'We cite paper A. It is good.', { references: [{ arxivId: '2401.00001' }, { title: 'Unknown paper' }] });
      const ga = extractor.addPaper(a);
      extractor.addPaper(b);
      const fin = extractor.finish();
      const pa = paperId(a);
      const uses = ga.edges.filter((e) => e.type === 'USES' && e.properties.extractor === 'source-metadata').map((e) => e.target);
      expect(uses.sort()).toEqual(['method:dropout', 'method:fancy-trick']);
      expect(ga.nodes.find((n) => n.id === 'method:fancy-trick')?.properties.aliases).toEqual(['A Very Fancy Trick']);
      expect(ga.edges.filter((e) => e.type === 'HAS_CODE').map((e) => e.target)).toEqual(['repo:github.com/org/repo']);
      expect(ga.edges.filter((e) => e.type === 'AUTHORED_BY').map((e) => e.target)).toEqual(['author:ada-lovelace', 'author:alan-turing']);
      const cites = fin.edges.filter((e) => e.type === 'CITES');
      expect(cites.map((e) => [e.source, e.target])).toEqual([[paperId(b), pa]]);
      expect(cites[0]!.properties.extractor).toBe('references');
    });

    it('should keep references that a second source of the same paper brings', () => {
      const extractor = createExtractor();
      const a = record('Paper A: something', 'We study things. Nothing more.', { arxivId: '2401.00001' });
      const b = record('Paper B', 'We cite paper A. It is good.', { source: 'refs.bib#1' });
      extractor.addPaper(a);
      extractor.addPaper(b);
      extractor.addPaper({ ...b, source: 's2.json#1', references: [{ arxivId: '2401.00001' }] });
      const cites = extractor.finish().edges.filter((e) => e.type === 'CITES');
      expect(cites.map((e) => [e.source, e.target])).toEqual([[paperId(b), paperId(a)]]);
    });

    it('should link a paper to a contribution proposed by a paper read after it', async () => {
      const records = await defaultRecords();
      const sortedNet = records.find((r) => r.title.startsWith('SortedNet'))!;
      const sortedLlama = records.find((r) => r.title.startsWith('Sorted LLaMA'))!;
      const g = extractCorpus([sortedLlama, sortedNet]);
      const cites = g.edges.find((e) => e.type === 'CITES' && e.source === paperId(sortedLlama) && e.target === paperId(sortedNet));
      expect(cites?.properties.inferred).toBe(true);
      expect(
        g.edges.some((e) => e.type === 'BUILDS_ON' && e.source === 'architecture:sorted-llama' && e.target === 'method:sortednet'),
      ).toBe(true);
    });

    it('should use entries added to the taxonomy at run time', () => {
      const taxonomy = Taxonomy.load();
      const extractor = createExtractor({ taxonomy });
      const r = record('A study of widgets', 'We apply the Wobble Transform to images. It works.');
      expect(extractor.addPaper(r).edges.some((e) => e.target === 'method:wobble-transform')).toBe(false);
      taxonomy.extend([{ kind: 'Method', name: 'Wobble Transform' }]);
      const again = extractor.addPaper({ ...r, title: 'Another study of widgets' });
      expect(again.edges.some((e) => e.type === 'USES' && e.target === 'method:wobble-transform')).toBe(true);
    });

    it('should cope with empty, odd and hostile text', () => {
      const extractor = createExtractor();
      const odd = [
        record('', ''),
        record('(((', ')))'),
        record('x'.repeat(5000), 'y '.repeat(5000)),
        record('We propose (A) (B) (', 'we propose , called , named "" (X) https://github.com/ https://github.com/a'),
        record('Ünïcödé: Tïtle', 'İstanbul ΣΑΣ (ΣΑΣ) we introduce Ωmega, a novel network.'),
      ];
      for (const r of odd) expect(() => extractor.addPaper(r)).not.toThrow();
      expect(() => extractor.finish()).not.toThrow();
    });
  });
});
