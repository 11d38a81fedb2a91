// The contribution and lineage rules on invented sentences in the style of the annotation guideline (never
// sentences of the development set), and the unresolved() hand-over to the loader.
import { describe, expect, it } from 'vitest';
import { alignInitials } from '../../../ingest/extract/acronyms.js';
import { createExtractor, extractCorpus } from '../../../ingest/extract/index.js';
import { Taxonomy } from '../../../ingest/taxonomy/taxonomy.js';
import type { PaperRecord } from '../../../ingest/types.js';
import type { WireGraph } from '../../../src/shared/graph.js';

const record = (title: string, abstract: string): PaperRecord => ({ title, abstract, source: 'invented.json#1' });
const proposed = (g: WireGraph) => g.edges.filter((e) => e.type === 'PROPOSES').map((e) => g.nodes.find((n) => n.id === e.target)!.name);
const lineage = (g: WireGraph) =>
  g.edges
    .filter((e) => e.type === 'BUILDS_ON' && e.properties.extractor !== 'taxonomy')
    .map(
      (e) => `${g.nodes.find((n) => n.id === e.source)?.name ?? e.source} -> ${g.nodes.find((n) => n.id === e.target)?.name ?? e.target}`,
    );
const one = (title: string, abstract: string) => extractCorpus([record(title, abstract)]);

describe('ingest/extract rules', () => {
  describe('#findContributions', () => {
    it('should let a paper propose a name the taxonomy already knows when the text introduces it', () => {
      const g = one('Image Tricks for Everyone', 'We present DeiT, a data-efficient image transformer trained on one machine.');
      expect(proposed(g)).toContain('DeiT');
    });

    it('should credit a paper with the names the vocabulary records it introduced, where its text uses them', () => {
      const taxonomy = Taxonomy.load();
      taxonomy.extend([
        { kind: 'Architecture', name: 'Lattice Reader', aliases: ['LatRead'], paper: 'Reading Grids with Lattice Readers' },
        { kind: 'Method', name: 'Grid Warmup', paper: 'Reading Grids with Lattice Readers' },
      ]);
      const g = extractCorpus(
        [record('Reading Grids with Lattice Readers', 'Our LatRead models read tables cell by cell and beat every baseline.')],
        { taxonomy },
      );
      // Grid Warmup is recorded as this paper's too, but its text never names it.
      expect(proposed(g)).toEqual(['Lattice Reader']);
      const other = extractCorpus([record('Tables at Scale', 'We run LatRead on forty tables.')], { taxonomy });
      expect(proposed(other)).toEqual([]);
    });

    it('should not propose a known name the paper only uses', () => {
      const g = one('Faster Widgets', 'We use DeiT as a backbone and report results on ten widget tasks.');
      expect(proposed(g)).toEqual([]);
    });

    it('should read a naming cue with an acronym defined on word initials', () => {
      const g = one('Quick Echo Methods', 'The new methods, which we call rapid echo pooling (REP), are simpler than prior work.');
      expect(proposed(g)).toEqual(['rapid echo pooling']);
      expect(g.nodes.find((n) => n.name === 'rapid echo pooling')?.properties.aliases).toContain('REP');
    });

    it('should take a lowercase named mechanism, not an unnamed contribution or a phenomenon', () => {
      expect(proposed(one('On Sequences', 'We propose the ripple gating mechanism for long sequences.'))).toEqual([
        'ripple gating mechanism',
      ]);
      expect(proposed(one('On Sequences', 'We propose a novel framework for long sequences.'))).toEqual([]);
      expect(proposed(one('On Sequences', 'Training stalls in what we call echo collapse, which we analyse.'))).toEqual([]);
    });

    it('should keep the head noun after an acronym definition', () => {
      const g = one('Compact Fields', 'We propose a vector-matrix (VM) decomposition of radiance fields.');
      expect(proposed(g)).toEqual(['vector-matrix decomposition']);
    });

    it('should take the named solutions a proposal lists under labels, each a part of the whole', () => {
      const g = one(
        'HexNet: Tiling Images with Hexagons',
        'Hexagonal grids are hard to batch. We identify two challenges: (C1) Padding Waste. Rows differ in length. ' +
          '(C2) Kernel Shape. Kernels assume squares. To address them, we propose two key solutions: (S1) Ring Pooling. ' +
          'We pool over rings of cells. (S2) Tied Init. We tie the initial weights of the six directions. ' +
          'With these designs, HexNet scales to large images.',
      );
      expect(proposed(g).sort()).toEqual(['HexNet', 'Ring Pooling', 'Tied Init']);
      expect(lineage(g).sort()).toEqual(['HexNet -> Ring Pooling', 'HexNet -> Tied Init']);
      // The challenges are listed the same way, but no proposal opens their list.
      expect(proposed(g)).not.toContain('Padding Waste');
    });

    it('should read labelled items the contribution itself introduces, with their acronyms', () => {
      const g = one(
        'WarpLM: Cheap Finetuning of Long Models',
        'WarpLM introduces three innovations to save memory: (a) Folded Float (FF8), a new data type for weights, ' +
          '(b) Lazy Paging to move activations to the host, and (c) Spill Buffers. We finetune forty models with WarpLM.',
      );
      expect(proposed(g).sort()).toEqual(['Folded Float', 'Lazy Paging', 'Spill Buffers', 'WarpLM']);
      expect(g.nodes.find((n) => n.name === 'Folded Float')?.properties.aliases).toContain('FF8');
      expect(lineage(g)).toEqual(expect.arrayContaining(['WarpLM -> Folded Float', 'WarpLM -> Lazy Paging', 'WarpLM -> Spill Buffers']));
    });

    it('should not make one labelled solution a part of another when no whole is named', () => {
      const g = one(
        'Pooling and Tying for Scalable Ensembles',
        'Scaling ensembles is hard. We propose two solutions: (S1) Group Pooling, which pools expert outputs by group, and (S2) Tied Init, which ties the initial weights of the experts.',
      );
      expect(proposed(g)).toEqual(expect.arrayContaining(['Group Pooling', 'Tied Init']));
      expect(lineage(g)).toEqual([]);
    });

    it('should not take labelled findings, clauses or lists no proposal of the paper opens', () => {
      const findings = one(
        'On Echo Layers',
        'Our study shows: (1) Echo Layers forget slowly, and (2) Deep Stacks help. We propose three changes: (i) we prune ' +
          'heads, (ii) the width grows, and (iii) Layer Drop is kept.',
      );
      expect(proposed(findings)).toEqual([]);
      // Items out of sequence are not a list.
      expect(proposed(one('On Echo Layers', 'We propose two solutions: (b) Ring Pooling and (d) Tied Init.'))).toEqual([]);
    });
  });

  describe('#findBuildsOn', () => {
    it('should attach the verb to the contribution and keep compared or negated entities out', () => {
      const g = one(
        'RiverNet: Efficient Linear RNNs with Gating',
        'We introduce RiverNet. Our model extends the Transformer with gated recurrence and outperforms Mamba without any attention.',
      );
      const links = lineage(g);
      expect(links).toContain('RiverNet -> Transformer');
      expect(links).not.toContain('RiverNet -> Mamba');
      expect(links.some((l) => l.endsWith('-> Attention Mechanism'))).toBe(false);
      // What the contribution is measured or run on is not what it builds on.
      const measured = lineage(one('MoA: Mixed Adapters', 'We propose MoA. MoA builds on LoRA and improves the fine-tuning of LLaMA.'));
      expect(measured).toContain('MoA -> LoRA');
      expect(measured).not.toContain('MoA -> LLaMA');
    });

    it('should not link when another method is the subject of the verb', () => {
      const g = one(
        'EchoNet: Echo Networks',
        'We introduce EchoNet for audio. Classifier guidance combines a diffusion model with a classifier.',
      );
      expect(lineage(g).some((l) => l.includes('Diffusion'))).toBe(false);
    });

    it('should link a variant name to its head noun and not to a modifier', () => {
      const g = one('TinyGPT: Small Models', 'We present TinyGPT and Transformer Pruning, two tools that bring GPT to small devices.');
      expect(lineage(g)).toContain('TinyGPT -> GPT');
      expect(lineage(g).some((l) => l.startsWith('Transformer Pruning -> Transformer'))).toBe(false);
    });

    it('should take the family from the noun phrase a title or proposal states, not from a clause or an "of" complement', () => {
      expect(lineage(one('RiverNet: Linear Recurrent Neural Networks for Speech', 'We present RiverNet.'))).toContain(
        'RiverNet -> Recurrent Neural Network',
      );
      // The tail is a clause about something else: its subject is not the contribution.
      const clause = one('RiverNet: Your Convolution is Secretly a Recurrent Neural Network', 'We present RiverNet.');
      expect(lineage(clause).filter((l) => l.startsWith('RiverNet ->'))).toEqual([]);
      // "a new family of X" states the family; "a new analysis of X" does not.
      const family = one('RiverNet: Fast Sequence Models', 'We propose a new family of recurrent neural networks for speech.');
      expect(lineage(family)).toContain('RiverNet -> Recurrent Neural Network');
      const analysis = one('RiverNet: Fast Sequence Models', 'We propose a new analysis of recurrent neural networks for speech.');
      expect(lineage(analysis).filter((l) => l.startsWith('RiverNet ->'))).toEqual([]);
    });

    it('should take the family a descriptor states, up to a participle that opens a clause', () => {
      const trained = one('EchoNet: Ladder Losses', 'We propose EchoNet, a convolutional neural network trained with a new loss.');
      expect(lineage(trained)).toContain('EchoNet -> Convolutional Neural Network');
      // After a colon, and before a generic compound head ("language model").
      expect(lineage(one('Tidal: Long Sequences', 'We present Tidal: a recurrent model for long sequences.'))).toContain(
        'Tidal -> Recurrent Neural Network',
      );
      expect(lineage(one('Kite: Sparse Models', 'We present Kite, a mixture-of-experts language model with top-2 routing.'))).toContain(
        'Kite -> Mixture of Experts',
      );
      // Ordinary words are not a CamelCase name ("fast speech" is not FastSpeech).
      expect(lineage(one('Kite: Speech', 'We design Kite, a fast speech model.'))).toEqual([]);
      // What the contribution is compared with or replaces is not its family.
      const replaced = one('Swap: Token Mixing', 'We propose Swap. Swap is a drop-in replacement for self-attention in Transformers.');
      expect(lineage(replaced).filter((l) => l.startsWith('Swap ->'))).toEqual([]);
    });

    it('should not read the tail of a one-word name as a known name the texts never use', () => {
      // "CLR" is an acronym of Cyclical Learning Rates in the vocabulary; nothing here names that method.
      const g = one('SimpleCLR: Contrastive Views', 'We present SimpleCLR, a framework for learning visual features.');
      expect(lineage(g).filter((l) => l.startsWith('SimpleCLR ->'))).toEqual([]);
    });

    it("should link the paper's named whole to its own named parts, with kind component", () => {
      const g = one(
        'HexNet: Hexagonal Vision',
        'We propose HexNet. For local mixing we design a new block, called Hex Block. For downsampling we introduce a pooling operator called Ring Pool.',
      );
      const parts = g.edges.filter((e) => e.type === 'BUILDS_ON' && e.properties.extractor === 'own-part');
      expect(parts.map((e) => e.properties.kind)).toEqual(['component', 'component']);
      expect(lineage(g)).toEqual(expect.arrayContaining(['HexNet -> Hex Block', 'HexNet -> Ring Pool']));
    });

    it('should give every BUILDS_ON a kind, evidence, confidence and extractor', () => {
      const g = one(
        'RiverNet: Efficient Linear RNNs with Gating',
        'We introduce RiverNet, a variant of the Transformer built from convolutions.',
      );
      const edges = g.edges.filter((e) => e.type === 'BUILDS_ON');
      expect(edges.length).toBeGreaterThan(0);
      for (const e of edges) {
        expect(['extends', 'variant', 'component', 'combines', 'adapts', 'distilled']).toContain(e.properties.kind);
        expect(typeof e.properties.evidence).toBe('string');
        expect(e.properties.confidence).toBeGreaterThan(0);
        expect(typeof e.properties.extractor).toBe('string');
      }
    });
  });

  describe('taxonomy facts', () => {
    const facts = (g: WireGraph) =>
      g.edges.filter((e) => e.type === 'BUILDS_ON' && e.properties.extractor === 'taxonomy').map((e) => `${e.source} -> ${e.target}`);

    it('should draw a curated fact when one paper names both of its ends', () => {
      const g = extractCorpus([record('Detection Notes', 'We study DETR with a ResNet backbone on crowded scenes.')]);
      expect(facts(g)).toContain('architecture:detr -> architecture:resnet');
    });

    it('should not draw a curated fact from two papers that each name one end', () => {
      const g = extractCorpus([
        record('Detection Notes', 'We study DETR on crowded scenes.'),
        record('Backbone Notes', 'We study ResNet on small images.'),
      ]);
      expect(facts(g)).not.toContain('architecture:detr -> architecture:resnet');
    });
  });

  describe('#alignInitials', () => {
    it('should align a short form on word initials, with minor words inside', () => {
      expect(alignInitials('RPO', 'we call rapid policy optimization')).toBe('rapid policy optimization');
      expect(alignInitials('MoE', 'a sparse mixture of experts')).toBe('mixture of experts');
      expect(alignInitials('XYZ', 'nothing matches here')).toBeUndefined();
    });
  });

  describe('#unresolved', () => {
    it('should hand over unresolved names with their lineage, and references to papers outside the run', () => {
      const extractor = createExtractor();
      extractor.addPaper({
        ...record('WaveNetX: Better Waves', 'We propose WaveNetX, which extends OceanFormer2 with tidal pooling.'),
        references: [{ arxivId: '2101.00001' }],
      });
      expect(() => extractor.unresolved()).toThrow(/after finish/);
      extractor.finish();
      const refs = extractor.unresolved();
      const name = refs.find((r) => r.target.kind === 'name' && r.target.name === 'OceanFormer2');
      expect(name).toMatchObject({ paperId: 'paper:wavenetx-better-waves', source: 'method:wavenetx', buildsOnKind: 'extends' });
      expect(refs.find((r) => r.target.kind === 'paper')).toMatchObject({
        target: { kind: 'paper', arxivId: '2101.00001' },
        extractor: 'references',
      });
    });
  });
});
