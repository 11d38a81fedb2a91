// Pins clear cases of extraction on the default corpus: proposals, lineage with evidence, code
// repositories, cross-paper links, and the evidence properties every extracted edge carries.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../ingest/extract/index.js';
import { AliasMatcher } from '../../../ingest/extract/mentions.js';
import { paperId } from '../../../ingest/extract/paper-identity.js';
import { Taxonomy } from '../../../ingest/taxonomy/taxonomy.js';
import type { PaperRecord } from '../../../ingest/types.js';
import type { WireEdge, WireGraph } from '../../../src/shared/graph.js';
import { defaultRecords } from './corpus.helper.js';

let records: PaperRecord[];
let graph: WireGraph;
const byTitle = (prefix: string) => paperId(records.find((r) => r.title.startsWith(prefix))!);
const edgesOf = (type: string, source?: string, target?: string) =>
  graph.edges.filter(
    (e) => e.type === type && (source === undefined || e.source === source) && (target === undefined || e.target === target),
  );

beforeAll(async () => {
  records = await defaultRecords();
  graph = extractCorpus(records);
});

describe('ingest/extract', () => {
  describe('#extractCorpus (default corpus)', () => {
    it('should find that the m2mKD paper PROPOSES m2mKD, a Method built on knowledge distillation, with the proposing sentence as evidence', () => {
      const paper = byTitle('m2mKD');
      const m2mkd = graph.nodes.find((n) => n.id === 'method:m2mkd');
      expect(m2mkd).toMatchObject({ label: 'Method', name: 'm2mKD' });
      expect(m2mkd!.properties.aliases).toContain('module-to-module knowledge distillation');
      const proposing =
        'Motivated by these challenges, we propose a general module-to-module knowledge distillation (m2mKD) method for transferring knowledge between modules.';
      const [proposes] = edgesOf('PROPOSES', paper, 'method:m2mkd');
      expect(proposes!.properties.evidence).toBe(proposing);
      const [builds] = edgesOf('BUILDS_ON', 'method:m2mkd', 'method:knowledge-distillation');
      expect(builds).toBeDefined();
      expect(builds!.properties).toMatchObject({ evidence: proposing, paperId: paper, extractor: 'name-head', kind: 'variant' });
      expect(builds!.id).toBe(`BUILDS_ON:method:m2mkd->method:knowledge-distillation@${paper}`);
      expect(
        edgesOf('EVALUATED_ON', paper)
          .map((e) => e.target)
          .sort(),
      ).toEqual(['dataset:imagenet', 'dataset:imagenet-r', 'dataset:tiny-imagenet']);
    });

    it('should find that SeqBoat BUILDS_ON Sparse Modular Activation, the Gated Attention Unit and state space models', () => {
      const paper = byTitle('Sparse Modular Activation');
      expect(
        edgesOf('PROPOSES', paper)
          .map((e) => e.target)
          .sort(),
      ).toEqual(['architecture:seqboat', 'method:sparse-modular-activation']);
      const targets = edgesOf('BUILDS_ON', 'architecture:seqboat').map((e) => e.target);
      expect(targets).toEqual(
        expect.arrayContaining(['method:sparse-modular-activation', 'method:gated-attention-unit', 'architecture:state-space-model']),
      );
      for (const e of edgesOf('BUILDS_ON', 'architecture:seqboat'))
        expect(e.properties.evidence).toMatch(/we design a novel neural architecture, SeqBoat, which employs SMA/);
    });

    it('should find exactly the 11 code repositories of the corpus, with clean URLs', () => {
      const repos = graph.nodes
        .filter((n) => n.label === 'Repository')
        .map((n) => n.name)
        .sort();
      expect(repos).toEqual(
        [
          'https://github.com/BryceZhuo/PolyCom',
          'https://github.com/FengleiFan/ReLinear',
          'https://github.com/RAIVNLab/MRL',
          'https://github.com/Shwai-He/LLM-Drop',
          'https://github.com/YujiaoYang-work/UoE',
          'https://github.com/changlin31/BossNAS',
          'https://github.com/jacobdunefsky/transcoder_circuits',
          'https://github.com/kamanphoebe/m2mKD',
          'https://github.com/megvii-research/AAAI2023-PVD',
          'https://github.com/okojoalg/raft-mlp',
          'https://github.com/qiuzh20/EMoE',
        ].sort(),
      );
      expect(edgesOf('HAS_CODE')).toHaveLength(11);
      expect(edgesOf('HAS_CODE', byTitle('m2mKD'), 'repo:github.com/kamanphoebe/m2mkd')).toHaveLength(1);
    });

    it('should link Sorted LLaMA to SortedNet across papers, with an inferred citation', () => {
      const sortedNetPaper = byTitle('SortedNet');
      const sortedLlamaPaper = byTitle('Sorted LLaMA');
      expect(edgesOf('PROPOSES', sortedNetPaper).map((e) => e.target)).toContain('method:sortednet');
      expect(edgesOf('PROPOSES', sortedLlamaPaper).map((e) => e.target)).toContain('architecture:sorted-llama');
      const [link] = edgesOf('BUILDS_ON', 'architecture:sorted-llama', 'method:sortednet');
      expect(link!.properties).toMatchObject({ paperId: sortedLlamaPaper, evidence: expect.stringContaining('We extend SortedNet') });
      const [cites] = edgesOf('CITES', sortedLlamaPaper, sortedNetPaper);
      expect(cites!.properties.inferred).toBe(true);
      expect(edgesOf('BUILDS_ON', 'architecture:sorted-llama', 'architecture:llama')).toHaveLength(1);
    });

    it('should find the lineage named in contribution names, never from a name that is only a modifier', () => {
      // "MambaMixer" is a mixer: Mamba is its modifier, not its head (GUIDELINE.md, names as evidence).
      expect(edgesOf('BUILDS_ON', 'architecture:mambamixer', 'architecture:mamba')).toHaveLength(0);
      expect(edgesOf('BUILDS_ON', 'architecture:vision-mambamixer', 'architecture:mambamixer')).toHaveLength(1);
      expect(edgesOf('BUILDS_ON', 'architecture:selectable-kan', 'architecture:kolmogorov-arnold-network')).toHaveLength(1);
      expect(edgesOf('BUILDS_ON', 'method:sharpdarts', 'method:darts')).toHaveLength(1);
      expect(edgesOf('BUILDS_ON', 'architecture:emergent-mixture-of-experts', 'architecture:mixture-of-experts')).toHaveLength(1);
    });

    it('should not make nodes of unnamed contributions or of surveys', () => {
      expect(edgesOf('PROPOSES', byTitle('Computation-Efficient Era'))).toEqual([]);
      expect(edgesOf('PROPOSES', byTitle('Configurable Foundation Models'))).toEqual([]);
      expect(edgesOf('PROPOSES', byTitle('Hebbian Learning based Orthogonal Projection'))).toEqual([]);
    });

    it('should give every extracted edge evidence, paperId, confidence and extractor, and taxonomy facts their source', () => {
      const ids = new Set(graph.nodes.map((n) => n.id));
      for (const e of graph.edges as WireEdge[]) {
        expect(ids.has(e.source), e.id).toBe(true);
        expect(ids.has(e.target), e.id).toBe(true);
        expect(typeof e.properties.evidence, e.id).toBe('string');
        expect((e.properties.evidence as string).length, e.id).toBeGreaterThan(0);
        expect(e.properties.confidence, e.id).toBeGreaterThan(0);
        expect(e.properties.confidence, e.id).toBeLessThanOrEqual(1);
        expect(typeof e.properties.extractor, e.id).toBe('string');
        if (e.properties.extractor === 'taxonomy') expect(e.properties.source).toBe('taxonomy');
        else expect(typeof e.properties.paperId, e.id).toBe('string');
      }
      for (const e of edgesOf('MENTIONS')) expect(e.properties.weight).toBeGreaterThan(0);
      for (const e of edgesOf('SIMILAR_TO')) expect(e.properties.score).toBeGreaterThan(0);
      expect(edgesOf('SIMILAR_TO').length).toBeGreaterThan(30);
      expect(graph.nodes.filter((n) => n.label === 'Concept').length).toBeGreaterThan(30);
    });

    it('should give Method, Architecture and Dataset nodes an aliases list and papers their title key and source', () => {
      for (const n of graph.nodes) {
        if (n.label === 'Method' || n.label === 'Architecture' || n.label === 'Dataset')
          expect(Array.isArray(n.properties.aliases), n.id).toBe(true);
        if (n.label === 'Paper') {
          expect(n.properties.sources).toEqual([expect.stringMatching(/^data\/papers-listing\.txt:\d+$/)]);
          expect(typeof n.properties.titleKey).toBe('string');
        }
      }
      expect(graph.nodes.filter((n) => n.label === 'Paper')).toHaveLength(70);
    });

    it('should never match an alias inside another word anywhere in the corpus', () => {
      const matcher = new AliasMatcher(Taxonomy.load().entries());
      for (const r of records) {
        for (const text of [r.title, r.abstract]) {
          for (const m of matcher.find(text)) {
            expect(/[\p{L}\p{N}]/u.test(text[m.start - 1] ?? ' '), `${m.text} in ${r.title}`).toBe(false);
            expect(/[\p{L}\p{N}]/u.test(text[m.end] ?? ' '), `${m.text} in ${r.title}`).toBe(false);
          }
        }
      }
    });
  });
});
