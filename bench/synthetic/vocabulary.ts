// The words the synthetic corpus is built from: methods, architectures and datasets read from the
// taxonomy (ingest/taxonomy/*.json) when present, a small built-in list otherwise, plus tasks and topics.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type EntityKind = 'Method' | 'Architecture' | 'Dataset';

export interface Term {
  name: string;
  kind: EntityKind;
  /** A short form (acronym) when the taxonomy gives one, used in some sentences. */
  short?: string;
}

export interface Vocabulary {
  methods: Term[];
  architectures: Term[];
  datasets: Term[];
  /** Tasks papers address ("image classification"). */
  tasks: string[];
  /** Topics and keyphrases ("continual learning"), the raw material of Concept nodes. */
  topics: string[];
  /** Where the entity lists came from: "taxonomy" or "built-in". */
  origin: 'taxonomy' | 'built-in';
}

const m = (name: string, short?: string): Term => ({ name, kind: 'Method', ...(short ? { short } : {}) });
const a = (name: string, short?: string): Term => ({ name, kind: 'Architecture', ...(short ? { short } : {}) });
const d = (name: string): Term => ({ name, kind: 'Dataset' });

export const TASKS = [
  'image classification',
  'object detection',
  'semantic segmentation',
  'language modeling',
  'machine translation',
  'question answering',
  'speech recognition',
  'text classification',
  'long-range sequence modeling',
  'continual learning',
  'few-shot learning',
  'novel view synthesis',
  'time series forecasting',
  'code generation',
  'reinforcement learning',
  'graph classification',
  'video understanding',
  'image generation',
  'summarization',
  'domain adaptation',
  'instance segmentation',
  'depth estimation',
  'recommendation',
  'protein structure prediction',
];

export const TOPICS = [
  'modularity',
  'sparse activation',
  'parameter efficiency',
  'sample efficiency',
  'out-of-distribution generalization',
  'catastrophic forgetting',
  'inference latency',
  'memory footprint',
  'scaling laws',
  'interpretability',
  'robustness',
  'compositional generalization',
  'conditional computation',
  'long context',
  'training stability',
  'energy efficiency',
  'quantization',
  'model compression',
  'representation learning',
  'self-supervision',
  'data augmentation',
  'transfer learning',
  'multi-task learning',
  'uncertainty estimation',
  'calibration',
  'federated learning',
  'privacy',
  'fairness',
  'hardware efficiency',
  'sequence length extrapolation',
  'routing',
  'load balancing',
  'expressivity',
  'inductive bias',
  'optimization landscape',
  'gradient noise',
  'spectral bias',
  'emergent abilities',
  'in-context learning',
  'instruction tuning',
];

export const BUILT_IN: Omit<Vocabulary, 'origin' | 'tasks' | 'topics'> = {
  methods: [
    m('knowledge distillation', 'KD'),
    m('self-attention'),
    m('multi-head attention', 'MHA'),
    m('dropout'),
    m('batch normalization', 'BN'),
    m('layer normalization', 'LN'),
    m('residual connection'),
    m('Adam'),
    m('stochastic gradient descent', 'SGD'),
    m('contrastive learning'),
    m('low-rank adaptation', 'LoRA'),
    m('neural architecture search', 'NAS'),
    m('differentiable architecture search', 'DARTS'),
    m('pruning'),
    m('quantization-aware training', 'QAT'),
    m('mixup'),
    m('label smoothing'),
    m('rotary position embedding', 'RoPE'),
    m('sparse modular activation', 'SMA'),
    m('gated attention unit', 'GAU'),
    m('flash attention'),
    m('reinforcement learning from human feedback', 'RLHF'),
    m('prompt tuning'),
    m('elastic weight consolidation', 'EWC'),
    m('experience replay'),
    m('masked language modeling', 'MLM'),
    m('masked image modeling', 'MIM'),
    m('gradient checkpointing'),
    m('weight decay'),
    m('top-k routing'),
    m('linear attention'),
    m('GELU'),
    m('ReLU'),
    m('SwiGLU'),
    m('meta-learning'),
    m('hypernetwork'),
    m('dynamic routing'),
    m('data parallelism'),
    m('positional encoding'),
    m('beam search'),
  ],
  architectures: [
    a('Transformer'),
    a('Vision Transformer', 'ViT'),
    a('Mixture of Experts', 'MoE'),
    a('Mamba'),
    a('structured state space model', 'S4'),
    a('long short-term memory', 'LSTM'),
    a('gated recurrent unit', 'GRU'),
    a('recurrent neural network', 'RNN'),
    a('convolutional neural network', 'CNN'),
    a('ResNet'),
    a('U-Net'),
    a('multilayer perceptron', 'MLP'),
    a('MLP-Mixer'),
    a('Kolmogorov-Arnold network', 'KAN'),
    a('spiking neural network', 'SNN'),
    a('neural radiance field', 'NeRF'),
    a('BERT'),
    a('GPT-2'),
    a('LLaMA'),
    a('Swin Transformer'),
    a('EfficientNet'),
    a('graph neural network', 'GNN'),
    a('variational autoencoder', 'VAE'),
    a('generative adversarial network', 'GAN'),
    a('diffusion model'),
    a('T5'),
    a('CLIP'),
    a('DenseNet'),
    a('MobileNet'),
    a('Perceiver'),
  ],
  datasets: [
    d('ImageNet'),
    d('CIFAR-10'),
    d('CIFAR-100'),
    d('MNIST'),
    d('COCO'),
    d('GLUE'),
    d('SuperGLUE'),
    d('SQuAD'),
    d('WikiText-103'),
    d('Long Range Arena'),
    d('Tiny-ImageNet'),
    d('ImageNet-R'),
    d('Penn Treebank'),
    d('WMT14'),
    d('LibriSpeech'),
    d('Kinetics-400'),
    d('ADE20K'),
    d('Cityscapes'),
    d('MMLU'),
    d('HumanEval'),
    d('GSM8K'),
    d('The Pile'),
    d('C4'),
    d('Pascal VOC'),
    d('CelebA'),
    d('LSUN'),
    d('Speech Commands'),
    d('ogbn-arxiv'),
    d('Atari 100k'),
    d('Split CIFAR-100'),
  ],
};

interface TaxonomyEntry {
  name?: unknown;
  aliases?: unknown;
}

/** A short form among the aliases: an all-capitals token such as "ViT", "MoE" or "KD". */
function shortAlias(aliases: unknown): string | undefined {
  if (!Array.isArray(aliases)) return undefined;
  return aliases.find((x): x is string => typeof x === 'string' && /^[A-Za-z0-9-]{2,8}$/.test(x) && /[A-Z].*[A-Z]/.test(x));
}

export const taxonomyDir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'ingest', 'taxonomy');

/**
 * Reads every `{kind, entries: [{name, aliases?}]}` JSON file in the taxonomy directory. Returns
 * undefined when the directory holds no such file; files of another shape are skipped.
 */
export function readTaxonomyTerms(dir = taxonomyDir): Pick<Vocabulary, 'methods' | 'architectures' | 'datasets'> | undefined {
  if (!existsSync(dir)) return undefined;
  const out = { methods: [] as Term[], architectures: [] as Term[], datasets: [] as Term[] };
  const seen = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      throw new Error(`bench/synthetic/vocabulary: ${join(dir, file)} is not valid JSON (${(err as Error).message}); fix or remove it`, {
        cause: err,
      });
    }
    if (typeof data !== 'object' || data === null) continue;
    const { kind, entries } = data as { kind?: unknown; entries?: unknown };
    if (!Array.isArray(entries) || (kind !== 'Method' && kind !== 'Architecture' && kind !== 'Dataset')) continue;
    const list = kind === 'Method' ? out.methods : kind === 'Architecture' ? out.architectures : out.datasets;
    for (const entry of entries as TaxonomyEntry[]) {
      if (typeof entry?.name !== 'string' || entry.name.trim() === '') continue;
      const key = entry.name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const short = shortAlias(entry.aliases);
      list.push({ name: entry.name, kind, ...(short && short !== entry.name ? { short } : {}) });
    }
  }
  const total = out.methods.length + out.architectures.length + out.datasets.length;
  return total > 0 ? out : undefined;
}

/**
 * The vocabulary for a corpus: the taxonomy's lists where they have at least a few entries,
 * the built-in list for each kind that is missing or too small.
 */
export function loadVocabulary(options: { useTaxonomy?: boolean; dir?: string } = {}): Vocabulary {
  const taxonomy = options.useTaxonomy === false ? undefined : readTaxonomyTerms(options.dir);
  const choose = (key: 'methods' | 'architectures' | 'datasets') =>
    taxonomy && taxonomy[key].length >= 10 ? taxonomy[key] : BUILT_IN[key];
  return {
    methods: choose('methods'),
    architectures: choose('architectures'),
    datasets: choose('datasets'),
    tasks: TASKS,
    topics: TOPICS,
    origin: taxonomy ? 'taxonomy' : 'built-in',
  };
}
