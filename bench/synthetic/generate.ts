// Generates a synthetic corpus of ML papers for benchmarks: titles and abstracts written from the
// taxonomy's vocabulary and sentence patterns, Zipf reuse, BUILDS_ON chains, code links, a decade of years.
import { AUTHOR_POOL_SIZE, authorName, NameFactory, slugify, type Contribution } from './names.js';
import { Random, Zipf } from './random.js';
import { loadVocabulary, type EntityKind, type Term, type Vocabulary } from './vocabulary.js';

/** One line of the JSONL corpus, in the shape ingest/sources/json.ts reads. */
export interface SyntheticPaper {
  title: string;
  abstract: string;
  arxivId: string;
  year: number;
  authors: string[];
  code?: string[];
}

/** What the generator meant a paper to say: the ground truth an extractor should recover. */
export interface PaperTruth {
  proposes?: Contribution & { generation: number };
  /** Names the proposed contribution builds on (empty for datasets and papers that propose nothing). */
  buildsOn: string[];
  uses: string[];
  datasets: string[];
  codeInAbstract: boolean;
}

export interface GeneratedPaper {
  paper: SyntheticPaper;
  truth: PaperTruth;
}

export interface GenerateOptions {
  /** Number of papers (default 100,000). */
  papers?: number;
  seed?: number | string;
  vocabulary?: Vocabulary;
  firstYear?: number;
  /** Years covered, the number of papers growing by `growth` each year. */
  years?: number;
  growth?: number;
  /** Share of papers that propose a named contribution. */
  proposeShare?: number;
  /** Share of proposed contributions that build on an earlier paper's contribution (vs a vocabulary term). */
  chainShare?: number;
  /** Share of papers with a code URL. */
  codeShare?: number;
  /** Zipf exponent for the reuse of methods, architectures and datasets. */
  zipfExponent?: number;
}

export const DEFAULTS = {
  papers: 100_000,
  seed: 1,
  firstYear: 2015,
  years: 10,
  growth: 1.25,
  proposeShare: 0.65,
  chainShare: 0.5,
  codeShare: 0.35,
  zipfExponent: 1.1,
} as const;

interface Known extends Contribution {
  generation: number;
}

const ARCH_NOUNS = ['architecture', 'network', 'model', 'neural network', 'backbone'];
const METHOD_NOUNS = ['method', 'technique', 'training scheme', 'mechanism', 'algorithm'];
const ADJECTIVES = ['simple', 'scalable', 'lightweight', 'general', 'efficient', 'modular', 'robust', 'principled'];
const PROBLEMS = [
  'their cost grows quadratically with sequence length',
  'they forget earlier tasks when trained on new ones',
  'they need large labelled datasets',
  'their training is unstable at scale',
  'they generalize poorly out of distribution',
  'their memory footprint limits deployment on edge devices',
  'they under-use the sparse structure of the data',
  'they are hard to interpret',
];
const FEATURES = [
  'a learned gating function',
  'sparse expert routing',
  'a recurrent memory',
  'hierarchical token merging',
  'low-rank updates',
  'a contrastive objective',
  'dynamic depth',
  'a selective scan',
  'spline-based activations',
  'module-level supervision',
];
const FINDINGS = [
  'the gains grow with model size',
  'most of the improvement comes from the first layers',
  'the method is robust to the choice of hyperparameters',
  'training cost drops by a third',
  'representations become more modular',
  'the benefits persist under distribution shift',
];
const METRICS = ['accuracy', 'top-1 accuracy', 'F1', 'BLEU', 'mIoU', 'perplexity', 'mAP', 'exact match'];
const HOSTS = ['https://github.com', 'https://github.com', 'https://github.com', 'https://gitlab.com', 'https://huggingface.co'];

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const titleCase = (s: string) => s.split(' ').map(capitalize).join(' ');

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Year of paper `index` of `total`: papers sorted by time, `growth`× more each year. */
function yearTable(total: number, firstYear: number, years: number, growth: number): (index: number) => { year: number; month: number } {
  const weights = Array.from({ length: years }, (_, k) => Math.pow(growth, k));
  const sum = weights.reduce((s, w) => s + w, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (const w of weights) bounds.push((acc += w / sum));
  return (index) => {
    const f = (index + 0.5) / total;
    let k = bounds.findIndex((b) => f <= b);
    if (k < 0) k = years - 1;
    const start = k === 0 ? 0 : bounds[k - 1]!;
    const within = (f - start) / (bounds[k]! - start);
    return { year: firstYear + k, month: Math.min(12, 1 + Math.floor(within * 12)) };
  };
}

/** Streams `papers` generated papers (with their ground truth), deterministic from the seed. */
export function* generateCorpus(options: GenerateOptions = {}): Generator<GeneratedPaper> {
  const o = { ...DEFAULTS, ...options };
  const vocabulary = options.vocabulary ?? loadVocabulary();
  const random = new Random(`methodgraph-synthetic:${o.seed}`);
  const names = new NameFactory(random, [
    ...vocabulary.methods.map((t) => t.name),
    ...vocabulary.architectures.map((t) => t.name),
    ...vocabulary.datasets.map((t) => t.name),
  ]);
  const zipfOf = (n: number) => new Zipf(Math.max(1, n), o.zipfExponent);
  const archZipf = zipfOf(vocabulary.architectures.length);
  const methodZipf = zipfOf(vocabulary.methods.length);
  const datasetZipf = zipfOf(vocabulary.datasets.length);
  const taskZipf = zipfOf(vocabulary.tasks.length);
  const topicZipf = zipfOf(vocabulary.topics.length);
  const authorZipf = new Zipf(AUTHOR_POOL_SIZE, 0.9);
  const yearOf = yearTable(o.papers, o.firstYear, o.years, o.growth);

  // Contributions proposed so far; the pool holds each once plus once per reuse (preferential attachment).
  const contributions: Known[] = [];
  const contributionPool: number[] = [];
  const proposedDatasets: string[] = [];
  const titles = new Set<string>();
  const perMonth = new Map<string, number>();

  const term = (kind: 'Method' | 'Architecture'): Term =>
    kind === 'Architecture' ? vocabulary.architectures[archZipf.sample(random)]! : vocabulary.methods[methodZipf.sample(random)]!;
  const anyTerm = (): Term => term(random.chance(0.5) ? 'Architecture' : 'Method');
  const reuseContribution = (): Known | undefined => {
    if (contributionPool.length === 0) return undefined;
    const index = random.pick(contributionPool);
    contributionPool.push(index);
    return contributions[index];
  };

  for (let index = 0; index < o.papers; index++) {
    const { year, month } = yearOf(index);
    const monthKey = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}`;
    const seq = (perMonth.get(monthKey) ?? 0) + 1;
    perMonth.set(monthKey, seq);
    const arxivId = `${monthKey}.${String(seq).padStart(5, '0')}`;

    const task = vocabulary.tasks[taskZipf.sample(random)]!;
    const topics = topicZipf.sampleDistinct(random, random.int(2, 3)).map((k) => vocabulary.topics[k]!);
    const datasetCount = random.int(1, 3);
    const datasets = new Set<string>();
    for (const k of datasetZipf.sampleDistinct(random, datasetCount)) datasets.add(vocabulary.datasets[k]!.name);
    if (proposedDatasets.length && random.chance(0.1)) datasets.add(random.pick(proposedDatasets));
    const uses = new Set<string>();
    for (let k = random.int(1, 3); k > 0; k--) uses.add(anyTerm().name);
    if (random.chance(0.15)) {
      const reused = reuseContribution();
      if (reused && reused.kind !== 'Dataset') uses.add(reused.name);
    }

    // What the paper proposes, and what that builds on.
    let proposes: Known | undefined;
    const buildsOn: string[] = [];
    if (random.chance(o.proposeShare)) {
      const roll = random.next();
      const kind: EntityKind = roll < 0.06 ? 'Dataset' : roll < 0.53 ? 'Architecture' : 'Method';
      if (kind === 'Dataset') {
        proposes = { ...names.next('Dataset'), generation: 0 };
        proposedDatasets.push(proposes.name);
      } else {
        let parent: Known | Term | undefined;
        let generation = 1;
        if (random.chance(o.chainShare)) {
          const reused = reuseContribution();
          if (reused && reused.kind !== 'Dataset') {
            parent = reused;
            generation = reused.generation + 1;
          }
        }
        parent ??= random.chance(0.8) ? term(kind) : anyTerm();
        buildsOn.push(parent.name);
        if (random.chance(0.25)) {
          const second = anyTerm();
          if (second.name !== parent.name) buildsOn.push(second.name);
        }
        proposes = { ...names.next(kind, parent), generation };
        contributions.push(proposes);
        contributionPool.push(contributions.length - 1);
      }
      uses.delete(proposes.name);
      for (const b of buildsOn) uses.delete(b);
    }

    const authorCount = random.chance(0.1) ? 1 : random.int(2, 6);
    const authors = authorZipf.sampleDistinct(random, authorCount).map(authorName);
    let code: string[] | undefined;
    let codeInAbstract = false;
    if (random.chance(o.codeShare)) {
      const lastName = authors[0]!.split(' ').slice(1).join(' ');
      const owner = random.chance(0.5) ? `${slugify(lastName)}-lab` : slugify(authors[0]!).replace(/-/g, '');
      const repo = proposes ? slugify(proposes.name) : slugify(`${task} ${random.pick(topics)}`);
      code = [`${random.pick(HOSTS)}/${owner}/${repo}`];
      codeInAbstract = random.chance(0.5);
    }

    const abstract = writeAbstract(random, {
      task,
      topics,
      datasets: [...datasets],
      uses: [...uses],
      proposes,
      buildsOn,
      code: codeInAbstract ? code?.[0] : undefined,
    });
    const title = uniqueTitle(
      random,
      titles,
      writeTitle(random, { task, topics, proposes, uses: [...uses], buildsOn, datasets: [...datasets] }),
      [...datasets],
    );
    yield {
      paper: { title, abstract, arxivId, year, authors, ...(code ? { code } : {}) },
      truth: { ...(proposes ? { proposes } : {}), buildsOn, uses: [...uses], datasets: [...datasets], codeInAbstract },
    };
  }
}

interface Content {
  task: string;
  topics: string[];
  datasets: string[];
  uses: string[];
  proposes: Known | undefined;
  buildsOn: string[];
  code?: string | undefined;
}

function writeTitle(random: Random, c: Omit<Content, 'code'>): string {
  const p = c.proposes;
  if (p?.kind === 'Dataset') return `${p.name}: A Benchmark for ${titleCase(c.task)}`;
  if (p) {
    const what = p.longForm ?? `${capitalize(random.pick(ADJECTIVES))} ${capitalize(c.buildsOn[0] ?? 'Learning')}`;
    const forWhat = `for ${titleCase(c.task)}`;
    switch (random.int(0, 2)) {
      case 0:
        return `${p.name}: ${what} ${forWhat}`;
      case 1:
        return `${p.name}: ${titleCase(random.pick(c.topics))} ${forWhat}`;
      default:
        return `${p.name}: Towards ${capitalize(random.pick(ADJECTIVES))} ${titleCase(c.task)}`;
    }
  }
  const subject = c.uses[0] ?? 'Neural Networks';
  switch (random.int(0, 3)) {
    case 0:
      return `An Empirical Study of ${subject} for ${titleCase(c.task)}`;
    case 1:
      return `On the ${titleCase(random.pick(c.topics))} of ${subject}`;
    case 2:
      return `Revisiting ${subject} in ${titleCase(c.task)}`;
    default:
      return `When Does ${subject} Help ${titleCase(c.task)}?`;
  }
}

function uniqueTitle(random: Random, taken: Set<string>, title: string, datasets: string[]): string {
  let candidate = title;
  for (let k = 0; taken.has(candidate.toLowerCase()); k++) {
    candidate = k < 2 ? `${title}: Evidence from ${random.pick(datasets)}` : `${title} (Part ${k})`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function writeAbstract(random: Random, c: Content): string {
  const s: string[] = [];
  const [topic1, topic2 = topic1!] = c.topics as [string, string?];
  const context = c.buildsOn[0] ?? c.uses[0] ?? 'deep learning';
  s.push(
    random.pick([
      `${capitalize(topic1!)} has become a central concern in ${c.task}.`,
      `Recent ${context} models achieve strong results in ${c.task}, but ${random.pick(PROBLEMS)}.`,
      `${capitalize(c.task)} increasingly depends on ${topic1}.`,
    ]),
  );
  s.push(`However, existing approaches to ${topic2} remain limited because ${random.pick(PROBLEMS)}.`);
  const p = c.proposes;
  let subject = 'our approach';
  if (p?.kind === 'Dataset') {
    s.push(`We introduce ${p.name}, a new benchmark for ${c.task} with ${random.int(10, 900)}k annotated examples.`);
    subject = p.name;
  } else if (p) {
    const noun = random.pick(p.kind === 'Architecture' ? ARCH_NOUNS : METHOD_NOUNS);
    const shown = p.longForm ? `${p.longForm} (${p.name})` : p.name;
    const parents = list(c.buildsOn);
    s.push(
      random.pick([
        `In this paper, we propose ${shown}, a ${random.pick(ADJECTIVES)} ${noun} which builds on ${parents}.`,
        `We introduce ${shown}, a novel ${noun} based on ${parents}.`,
        `To address this, we present ${shown}, which extends ${parents} with ${random.pick(FEATURES)}.`,
        `We propose ${shown}, a ${noun} inspired by ${parents} that adds ${random.pick(FEATURES)}.`,
      ]),
    );
    s.push(`${p.name} ${random.pick(['relies on', 'introduces', 'is built around'])} ${random.pick(FEATURES)} to handle ${topic2}.`);
    subject = p.name;
  } else {
    s.push(
      `In this work, we study how ${list(c.uses.slice(0, 2))} ${random.pick(['behaves', 'scales', 'fails'])} with respect to ${topic2}.`,
    );
  }
  if (c.uses.length) s.push(`The training pipeline uses ${list(c.uses)}.`);
  const improvement = `${random.int(1, 9)}.${random.int(0, 9)}%`;
  s.push(
    random.pick([
      `We evaluate ${subject} on ${list(c.datasets)}, where it improves ${random.pick(METRICS)} by ${improvement}.`,
      `Experiments on ${list(c.datasets)} show that ${subject} outperforms strong baselines by up to ${improvement}.`,
      `On ${list(c.datasets)}, ${subject} matches the state of the art with ${random.int(2, 10)}x fewer parameters.`,
    ]),
  );
  s.push(`We further analyse ${topic1} and find that ${random.pick(FINDINGS)}.`);
  if (c.code) s.push(`Code is available at ${c.code}.`);
  return s.join(' ');
}
