// Tests for the curated taxonomy: every bundled JSON file loads and validates, entries carry their
// introducing paper, facts resolve with a valid kind, aliases are unambiguous, known wrong merges stay
// split, and the taxonomy can be extended at run time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILDS_ON_KINDS } from '../../../src/shared/graph.js';
import { compactForm, matchKey } from '../../../ingest/extract/keys.js';
import { methodToTaxonomy } from '../../../ingest/run.js';
import { Taxonomy, entityId, readFact, taxonomyFiles } from '../../../ingest/taxonomy/taxonomy.js';

/** The only names of two characters or fewer: model names and acronyms nobody in ML writes for anything else. */
const SHORT_NAMES = new Set(['T5', 'S4', 'S5', 'H3', 'S6', 'M4', 'C4', 'E5', 'KD']);

/** Generic nouns and fields that must not resolve to any entry. */
const GENERIC = [
  'module',
  'modules',
  'network',
  'networks',
  'model',
  'models',
  'framework',
  'backbone',
  'layer',
  'neural network',
  'deep learning',
  'LLM',
  'LLMs',
  'large language model',
  'foundation model',
  'architecture',
  'algorithm',
  'continual learning',
  'reinforcement learning',
  'self-supervised learning',
  'transfer learning',
  'meta-learning',
  'fine-tuning',
  'grokking',
  'linear probing',
  'tokenization',
  'rehearsal',
  'Hebbian',
  'spline',
  'rational function',
  'modular network',
];

describe('ingest/taxonomy', () => {
  describe('#load', () => {
    const taxonomy = Taxonomy.load();
    const entries = taxonomy.entries();

    it('should load every JSON file of the folder, at least 1,500 entries of every kind', () => {
      const files = taxonomyFiles(new URL('../../../ingest/taxonomy/', import.meta.url));
      expect(files.length).toBeGreaterThan(3);
      expect(files).toEqual([...files].sort());
      expect(taxonomy.size).toBeGreaterThanOrEqual(1500);
      const kinds = new Set(entries.map((e) => e.kind));
      expect([...kinds].sort()).toEqual(['Architecture', 'Dataset', 'Method']);
      for (const e of entries) expect(e.id).toBe(entityId(e.kind, e.name));
    });

    it('should give every entry the year and title of its introducing paper, an area and a description', () => {
      for (const e of entries) {
        expect(Number.isInteger(e.year), e.name).toBe(true);
        expect(e.year!, e.name).toBeGreaterThanOrEqual(1800);
        expect(e.year!, e.name).toBeLessThanOrEqual(new Date().getUTCFullYear());
        expect(e.paper?.trim().length ?? 0, e.name).toBeGreaterThan(3);
        expect(e.area?.length ?? 0, e.name).toBeGreaterThan(0);
        expect(e.description?.length ?? 0, e.name).toBeGreaterThan(10);
      }
    });

    it('should resolve every fact to two entries, with a valid kind and a justification', () => {
      const kinds = new Set<string>(BUILDS_ON_KINDS);
      expect(taxonomy.facts().length).toBeGreaterThan(800);
      for (const f of taxonomy.facts()) {
        expect(taxonomy.get(f.source), f.source).toBeDefined();
        expect(taxonomy.get(f.target), f.target).toBeDefined();
        expect(f.source).not.toBe(f.target);
        expect(kinds.has(f.kind ?? ''), `${f.source}->${f.target}: ${f.kind}`).toBe(true);
        expect(f.evidence.length, `${f.source}->${f.target}`).toBeGreaterThan(3);
      }
    });

    it('should hold well-known lineage facts with their kind', () => {
      const facts = new Map(taxonomy.facts().map((f) => [`${f.source}->${f.target}`, f]));
      expect(facts.get('architecture:vision-transformer->architecture:transformer')?.kind).toBe('adapts');
      expect(facts.get('architecture:mamba->architecture:selective-state-space-model')?.kind).toBe('component');
      expect(facts.get('architecture:v-moe->architecture:mixture-of-experts')?.kind).toBe('component');
      expect(facts.get('architecture:v-moe->architecture:vision-transformer')).toBeDefined();
      expect(facts.get('architecture:distilbert->architecture:bert')?.kind).toBe('distilled');
      expect(facts.get('method:swiglu->method:gated-linear-unit')?.kind).toBe('variant');
      expect(facts.get('method:qlora->method:lora')?.kind).toBe('extends');
      expect(facts.get('architecture:hyenadna->architecture:hyena')?.kind).toBe('adapts');
      expect(facts.get('architecture:instant-ngp->method:multiresolution-hash-encoding')?.kind).toBe('component');
    });

    it('should cover the families the default corpus touches', () => {
      for (const name of [
        'KAN',
        'MoE',
        'SSM',
        'S4',
        'Mamba',
        'LSTM',
        'GRU',
        'ResNet',
        'U-Net',
        'MLP-Mixer',
        'SNN',
        'NeRF',
        'hypernetwork',
        'DARTS',
        'knowledge distillation',
        'LLaMA',
        'GPT-2',
        'BERT',
        'GELU',
        'GAU',
        'LoRA',
        'dropout',
        'ImageNet',
        'Tiny-ImageNet',
        'ImageNet-R',
        'CIFAR-10',
        'CIFAR-100',
        'MNIST',
        'LRA',
        'GLUE',
        'SQuAD',
        'WikiText-103',
        'enwik8',
        'COCO',
        'Omniglot',
      ]) {
        expect(taxonomy.resolve(name), name).toBeDefined();
      }
    });

    it('should cover the main ML areas with their well-known entries', () => {
      const expected: Record<string, string> = {
        'Swin Transformer': 'architecture:swin-transformer',
        YOLOv3: 'architecture:yolov3',
        'Mask R-CNN': 'architecture:mask-r-cnn',
        DPO: 'method:direct-preference-optimization',
        RLHF: 'method:rlhf',
        'byte pair encoding': 'method:byte-pair-encoding',
        'classifier-free guidance': 'method:classifier-free-guidance',
        DDPM: 'architecture:ddpm',
        'Stable Diffusion': 'architecture:latent-diffusion-model',
        StyleGAN2: 'architecture:stylegan2',
        SimCLR: 'method:simclr',
        GPTQ: 'method:gptq',
        'FlashAttention-2': 'method:flashattention-2',
        'grouped-query attention': 'method:grouped-query-attention',
        RWKV: 'architecture:rwkv',
        'Mamba-2': 'architecture:mamba-2',
        HellaSwag: 'dataset:hellaswag',
        'MS COCO': 'dataset:coco',
        'Kinetics-400': 'dataset:kinetics',
      };
      for (const [alias, id] of Object.entries(expected)) expect(taxonomy.resolve(alias)?.id, alias).toBe(id);
    });

    it('should not give one alias to two entries', () => {
      const owner = new Map<string, string>();
      for (const e of entries) {
        for (const alias of [e.name, ...e.aliases]) {
          const key = matchKey(alias);
          const prev = owner.get(key);
          if (prev !== undefined) expect(prev, `alias "${alias}"`).toBe(e.id);
          owner.set(key, e.id);
        }
      }
    });

    it('should keep aliases of two characters or fewer to unmistakable model names', () => {
      for (const e of entries) {
        for (const alias of [e.name, ...e.aliases]) {
          if (compactForm(alias).length <= 2) expect(SHORT_NAMES.has(alias), `"${alias}" of ${e.name}`).toBe(true);
        }
      }
    });

    it('should not resolve generic nouns, fields or phrases copied from one abstract', () => {
      for (const word of GENERIC) expect(taxonomy.resolve(word)?.name, word).toBeUndefined();
    });

    it('should keep the known wrong merges apart', () => {
      expect(taxonomy.resolve('synaptic metaplasticity')).toBeUndefined();
      expect(taxonomy.resolve('metaplasticity')).toBeUndefined();
      expect(taxonomy.resolve('Synaptic Intelligence')?.id).toBe('method:synaptic-intelligence');
      expect(taxonomy.resolve('cross-channel attention')).toBeUndefined();
      // A named generic family counts (the guideline's "attention"); its everyday sense is filtered in context.
      expect(taxonomy.resolve('attention')?.id).toBe('method:attention-mechanism');
      expect(taxonomy.resolve('cross-attention')?.id).toBe('method:cross-attention');
      expect(taxonomy.resolve('HyenaDNA')?.id).toBe('architecture:hyenadna');
      expect(taxonomy.resolve('Hyena')?.id).toBe('architecture:hyena');
      expect(taxonomy.resolve('multiresolution hash encoding')?.id).toBe('method:multiresolution-hash-encoding');
      expect(taxonomy.resolve('Instant-NGP')?.id).toBe('architecture:instant-ngp');
      // NMN names both Neural Module Networks and Neural Memory Networks in ML text, so neither owns it.
      expect(taxonomy.resolve('NMN')).toBeUndefined();
      expect(taxonomy.resolve('Neural Module Networks')?.id).toBe('architecture:neural-module-networks');
      expect(taxonomy.resolve('Neural Memory Network')).toBeUndefined();
      const separate: [string, string][] = [
        ['Fourier features', 'positional encoding'],
        ['PReLU', 'Leaky ReLU'],
        ['SELU', 'ELU'],
        ['Xavier initialization', 'He initialization'],
        ['R-CNN', 'Faster R-CNN'],
        ['Fast R-CNN', 'Faster R-CNN'],
        ['Modern Hopfield Network', 'Hopfield network'],
        ['InfoNCE', 'contrastive learning'],
        ['DDPM', 'diffusion model'],
        ['REINFORCE', 'policy gradient'],
        ['task arithmetic', 'model soup'],
        ['CKA', 'CCA'],
        ['GPM', 'OWM'],
        ['Sequential MNIST', 'Permuted MNIST'],
        ['BLIP-2', 'BLIP'],
        ['wav2vec', 'wav2vec 2.0'],
        ['Perceiver IO', 'Perceiver'],
        ['score-based generative model', 'DDPM'],
        ['GoogLeNet', 'Inception-v3'],
        ['MobileNetV2', 'MobileNet'],
        ['StyleGAN2', 'StyleGAN'],
        ['LAION-400M', 'LAION-5B'],
        ['SQuAD 2.0', 'SQuAD'],
        ['VQAv2', 'VQA'],
        ['Qwen2', 'Qwen'],
        ['channel pruning', 'magnitude pruning'],
        ['post-training quantization', 'quantization-aware training'],
      ];
      for (const [a, b] of separate) {
        const ea = taxonomy.resolve(a);
        const eb = taxonomy.resolve(b);
        expect(ea, a).toBeDefined();
        expect(eb, b).toBeDefined();
        expect(ea?.id, `${a} vs ${b}`).not.toBe(eb?.id);
      }
      const notMergedInto: [string, string][] = [
        ['DropConnect', 'method:dropout'],
        ['TasNet', 'architecture:conv-tasnet'],
        ['StarEncoder', 'architecture:starcoder'],
        ['SAM', 'architecture:segment-anything-model'],
        ['momentum', 'method:sgd-with-momentum'],
        ['Nesterov momentum', 'method:sgd-with-momentum'],
        ['MAE', 'method:masked-autoencoder'],
        ['SWA', 'method:sliding-window-attention'],
        ['Inception', 'architecture:googlenet'],
        ['encoder-decoder', 'architecture:sequence-to-sequence-model'],
        ['CAM', 'method:class-activation-mapping'],
        ['MultiPL-E', 'dataset:multipl-e'],
      ];
      for (const [alias, id] of notMergedInto) expect(taxonomy.resolve(alias)?.id, alias).not.toBe(id);
      expect(taxonomy.resolve('Sparse Mixture of Experts')?.id).toBe('architecture:mixture-of-experts');
    });
  });

  describe('#load from a folder', () => {
    let dir: string;
    const write = (file: string, data: unknown): void => writeFileSync(join(dir, file), JSON.stringify(data));
    const load = (): Taxonomy => Taxonomy.load(pathToFileURL(`${dir}/`));

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'methodgraph-taxonomy-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('should read every *.json in sorted order, facts reaching across files', () => {
      write('methods-b.json', {
        kind: 'Method',
        entries: [{ name: 'Bar', aliases: [], year: 2020, paper: 'Bar', buildsOn: { Foo: { kind: 'extends', why: 'extends Foo' } } }],
      });
      write('architectures-a.json', {
        kind: 'Architecture',
        entries: [{ name: 'Foo', aliases: ['FooNet'], year: 2019, paper: 'Foo', area: 'vision' }],
      });
      writeFileSync(join(dir, 'notes.txt'), 'not data');
      const taxonomy = load();
      expect(taxonomy.entries().map((e) => e.id)).toEqual(['architecture:foo', 'method:bar']);
      expect(taxonomy.get('architecture:foo')).toMatchObject({ year: 2019, paper: 'Foo', area: 'vision' });
      expect(taxonomy.facts()).toEqual([{ source: 'method:bar', target: 'architecture:foo', evidence: 'extends Foo', kind: 'extends' }]);
    });

    it('should accept the old string form of a fact and give it a kind', () => {
      write('methods.json', {
        kind: 'Method',
        entries: [
          { name: 'Base', aliases: [] },
          { name: 'Small', aliases: [], buildsOn: { Base: 'distilled from Base' } },
          { name: 'Other', aliases: [], buildsOn: { Base: 'a variant of Base' } },
          { name: 'Third', aliases: [], buildsOn: { Base: 'adds gating to Base' } },
        ],
      });
      expect(
        load()
          .facts()
          .map((f) => f.kind),
      ).toEqual(['distilled', 'variant', 'extends']);
      expect(readFact({ kind: 'combines', why: 'joins two' })).toEqual({ kind: 'combines', why: 'joins two' });
    });

    it('should refuse an alias used by two entries, naming both entries and files', () => {
      write('architectures-x.json', { kind: 'Architecture', entries: [{ name: 'Neural Module Networks', aliases: ['NMN'] }] });
      write('methods-y.json', { kind: 'Method', entries: [{ name: 'Neural Memory Network', aliases: ['N.M.N.'] }] });
      expect(load).toThrow(
        /methods-y\.json: alias "N\.M\.N\." of entry "Neural Memory Network" is also "NMN" of entry "Neural Module Networks" \(architectures-x\.json\)/,
      );
    });

    it('should refuse two entries of the same name in one file', () => {
      write('methods.json', {
        kind: 'Method',
        entries: [
          { name: 'Dropout', aliases: [] },
          { name: 'dropout', aliases: ['drop-out'] },
        ],
      });
      expect(load).toThrow(/alias "dropout" of entry "dropout" is also "Dropout" of entry "Dropout"/);
    });

    it('should name the file and entry when a builds-on target is unknown', () => {
      write('architectures.json', {
        kind: 'Architecture',
        entries: [{ name: 'Foo', aliases: [], buildsOn: { Bar: { kind: 'extends', why: 'why' } } }],
      });
      expect(load).toThrow(/architectures\.json: entry "Foo" builds on "Bar"/);
    });

    it('should name the file and entry of an invalid field or fact kind', () => {
      write('methods.json', {
        kind: 'Method',
        entries: [{ name: 'Foo', aliases: [], buildsOn: { Foo2: { kind: 'inspired', why: 'x' } } }],
      });
      expect(load).toThrow(/methods\.json: entries\.0\.buildsOn\.Foo2 \(entry "Foo"\)/);
      write('methods.json', { kind: 'Method', entries: [{ name: 'Foo', aliases: [], year: 'recent' }] });
      expect(load).toThrow(/methods\.json: entries\.0\.year \(entry "Foo"\)/);
      write('methods.json', { kind: 'Technique', entries: [] });
      expect(load).toThrow(/methods\.json/);
    });

    it('should say so when the folder holds no data', () => {
      expect(load).toThrow(/no \*\.json files/);
    });
  });

  describe('#extend', () => {
    it('should add new entries, merge known ones and bump the version', () => {
      const taxonomy = Taxonomy.load();
      const before = taxonomy.version;
      const result = taxonomy.extend([
        {
          kind: 'Method',
          name: 'Talking-Heads Attention',
          aliases: ['talking heads attention'],
          description: 'Mixes attention logits and weights across heads.',
          year: 2020,
          buildsOn: { 'Multi-Head Attention': 'mixes the heads of multi-head attention' },
        },
        { kind: 'Architecture', name: 'Vision Transformer', aliases: ['ViT-G'] },
      ]);
      expect(result).toEqual({ added: 1, merged: 1, skippedFacts: 0 });
      expect(taxonomy.version).toBeGreaterThan(before);
      expect(taxonomy.resolve('talking heads attention')?.id).toBe('method:talking-heads-attention');
      expect(taxonomy.resolve('talking heads attention')?.year).toBe(2020);
      expect(taxonomy.resolve('ViT-G')?.id).toBe('architecture:vision-transformer');
      expect(
        taxonomy.facts().find((f) => f.source === 'method:talking-heads-attention' && f.target === 'method:multi-head-attention')?.kind,
      ).toBe('extends');
    });

    it('should find entries by the title of the paper that introduced them, including Papers-with-Code methods', () => {
      const taxonomy = Taxonomy.load();
      expect(taxonomy.introducedIn('Graph attention networks.').map((e) => e.id)).toContain('architecture:graph-attention-network');
      const method = (paper: string) =>
        methodToTaxonomy({
          name: 'Wobble Pooling',
          paper,
          year: 2031,
          collections: [{ collection: 'Pooling Operations' }],
          source: 'm.json:1',
        });
      expect(method('https://paperswithcode.com/paper/wobble').paper).toBeUndefined();
      taxonomy.extend([method('Wobble Pooling for Tiny Graphs')]);
      expect(taxonomy.introducedIn('Wobble pooling for tiny graphs').map((e) => e.name)).toEqual(['Wobble Pooling']);
      expect(taxonomy.resolve('Wobble Pooling')?.year).toBe(2031);
      expect(taxonomy.introducedIn('A title nobody recorded')).toEqual([]);
    });
  });
});
