// Topics over a whole graph's papers: document frequencies of their stored keyphrase vectors, each
// paper's Concepts by TF-IDF and its SIMILAR_TO neighbours by cosine. Papers are read three times in id
// order (count, index, emit), so the result depends only on which papers the graph holds, never on the
// order or the runs they arrived in. Memory: one df entry per distinct term, and per paper its (at most
// 48) term hashes and weights plus postings for terms shared by 2..maxDf papers: about 1 KiB a paper.
import { termHash } from '../concepts.js';

/** A paper's keyphrase vector as stored on its node (`terms`, `termCounts`). */
export interface TopicDoc {
  id: string;
  terms: string[];
  counts: number[];
}

export interface TopicOptions {
  /** Concepts kept per paper (default 6). */
  perPaper?: number;
  /** Smallest concept weight relative to the paper's best (default 0.25). */
  minWeight?: number;
  /** SIMILAR_TO neighbours per paper (default 5) and the smallest cosine kept (default 0.12). */
  topK?: number;
  threshold?: number;
  /** Terms per paper used to find neighbours (the highest-weighted ones, default 24). */
  queryTerms?: number;
}

export interface ConceptScore {
  term: string;
  weight: number;
  count: number;
}

export interface Neighbour {
  id: string;
  score: number;
  /** The shared terms that contribute most. */
  shared: string[];
}

interface Posting {
  papers: number[];
  weights: number[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export class TopicCorpus {
  readonly df = new Map<number, number>();
  documents = 0;
  private readonly ids: string[] = [];
  private readonly hashes: Uint32Array[] = [];
  private readonly weights: Float32Array[] = [];
  private readonly postings = new Map<number, Posting>();
  private readonly emitted = new Set<number>();
  private readonly position = new Map<string, number>();
  private lastCounted = '';
  private next = 0;

  constructor(private readonly options: TopicOptions = {}) {}

  /** First pass, in id order: counts the paper's terms. */
  count(doc: TopicDoc): void {
    if (doc.id <= this.lastCounted)
      throw new Error(`ingest/extract/topics: papers must come in increasing id order ("${doc.id}" after "${this.lastCounted}")`);
    this.lastCounted = doc.id;
    for (const term of new Set(doc.terms)) {
      const h = termHash(term);
      this.df.set(h, (this.df.get(h) ?? 0) + 1);
    }
    this.documents += 1;
  }

  idf(hash: number): number {
    return Math.log((1 + this.documents) / (1 + (this.df.get(hash) ?? 1))) + 1;
  }

  /** Terms in more than this many papers say little about any one pair and make the index quadratic. */
  private get maxSimilarDf(): number {
    return Math.max(20, Math.min(500, Math.floor(this.documents * 0.1)));
  }

  /** Second pass, in the same order: the paper's normalised TF-IDF weights and its postings. */
  index(doc: TopicDoc): void {
    const p = this.ids.length;
    const ids = new Uint32Array(doc.terms.length);
    const w = new Float32Array(doc.terms.length);
    let norm = 0;
    for (let i = 0; i < doc.terms.length; i += 1) {
      ids[i] = termHash(doc.terms[i]!);
      const df = this.df.get(ids[i]!) ?? 1;
      if (df < 2) continue;
      w[i] = (1 + Math.log(doc.counts[i]!)) * this.idf(ids[i]!);
      norm += w[i]! * w[i]!;
    }
    norm = Math.sqrt(norm) || 1;
    const maxDf = this.maxSimilarDf;
    for (let i = 0; i < w.length; i += 1) {
      w[i] = w[i]! / norm;
      if (w[i]! > 0 && (this.df.get(ids[i]!) ?? 1) <= maxDf) {
        let list = this.postings.get(ids[i]!);
        if (!list) this.postings.set(ids[i]!, (list = { papers: [], weights: [] }));
        list.papers.push(p);
        list.weights.push(w[i]!);
      }
    }
    this.ids.push(doc.id);
    this.position.set(doc.id, p);
    this.hashes.push(ids);
    this.weights.push(w);
  }

  /** Top keyphrases of one paper: shared terms (df >= 2, not in most papers) by TF-IDF, weight in 0..1. */
  concepts(doc: TopicDoc, exclude: (term: string) => boolean): ConceptScore[] {
    const perPaper = this.options.perPaper ?? 6;
    const minWeight = this.options.minWeight ?? 0.25;
    const maxDf = Math.max(3, Math.floor(this.documents * 0.4));
    const scored: ConceptScore[] = [];
    for (let i = 0; i < doc.terms.length; i += 1) {
      const term = doc.terms[i]!;
      const h = termHash(term);
      const df = this.df.get(h) ?? 1;
      if (df < 2 || df > maxDf || exclude(term)) continue;
      scored.push({ term, weight: doc.counts[i]! * this.idf(h) * (term.includes(' ') ? 1.5 : 1), count: doc.counts[i]! });
    }
    scored.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
    const top = scored[0]?.weight ?? 1;
    return scored
      .slice(0, perPaper)
      .map((s) => ({ ...s, weight: round3(s.weight / top) }))
      .filter((s) => s.weight >= minWeight);
  }

  /**
   * Third pass, in the same order: the neighbours this paper is the first (in id order) to find;
   * a pair found from both ends is reported once, from the end read first.
   */
  neighbours(doc: TopicDoc): Neighbour[] {
    const p = this.position.get(doc.id);
    if (p === undefined) throw new Error(`ingest/extract/topics: paper "${doc.id}" was not indexed`);
    if (p !== this.next)
      throw new Error(`ingest/extract/topics: neighbours must be asked in index order (got paper ${p}, expected ${this.next})`);
    this.next += 1;
    const topK = this.options.topK ?? 5;
    const threshold = this.options.threshold ?? 0.12;
    const queryTerms = this.options.queryTerms ?? 24;
    const ids = this.hashes[p]!;
    const w = this.weights[p]!;
    const order = [...w.keys()]
      .filter((i) => w[i]! > 0)
      .sort((x, y) => w[y]! - w[x]!)
      .slice(0, queryTerms);
    const scores = new Map<number, number>();
    for (const i of order) {
      const posting = this.postings.get(ids[i]!);
      if (!posting) continue;
      for (let k = 0; k < posting.papers.length; k += 1) {
        const q = posting.papers[k]!;
        if (q !== p) scores.set(q, (scores.get(q) ?? 0) + w[i]! * posting.weights[k]!);
      }
    }
    const best = [...scores].filter(([, s]) => s >= threshold).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const out: Neighbour[] = [];
    const n = this.ids.length;
    for (const [q, score] of best.slice(0, topK)) {
      const a = Math.min(p, q);
      const b = Math.max(p, q);
      const key = a * n + b;
      if (this.emitted.has(key)) continue;
      this.emitted.add(key);
      out.push({ id: this.ids[q]!, score: round3(score), shared: this.sharedTerms(doc, a, b) });
    }
    return out;
  }

  /** The five shared terms with the largest product of weights (named from the paper's own terms). */
  private sharedTerms(doc: TopicDoc, a: number, b: number): string[] {
    const inB = new Map<number, number>();
    const [hb, wb] = [this.hashes[b]!, this.weights[b]!];
    for (let i = 0; i < hb.length; i += 1) if (wb[i]! > 0) inB.set(hb[i]!, wb[i]!);
    const [ha, wa] = [this.hashes[a]!, this.weights[a]!];
    const names = new Map<number, string>();
    for (const term of doc.terms) names.set(termHash(term), term);
    const shared: [number, number][] = [];
    for (let i = 0; i < ha.length; i += 1) {
      const other = inB.get(ha[i]!);
      if (other !== undefined && wa[i]! > 0) shared.push([ha[i]!, wa[i]! * other]);
    }
    return shared
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5)
      .map(([h]) => names.get(h))
      .filter((t): t is string => t !== undefined);
  }
}
