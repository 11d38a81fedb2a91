// SIMILAR_TO between papers: cosine similarity of TF-IDF term vectors through an inverted index
// (very common terms skipped), keeping the top k neighbours per paper above a threshold.
import type { TermStats, TermVector } from './concepts.js';

export interface SimilarPair {
  a: number;
  b: number;
  score: number;
  /** Shared term hashes that contribute most. */
  shared: number[];
}

export interface SimilarityOptions {
  topK?: number;
  threshold?: number;
  /** Terms per paper used to find neighbours (the highest-weighted ones). */
  queryTerms?: number;
}

interface Posting {
  papers: number[];
  weights: number[];
}

export function similarPapers(vectors: TermVector[], stats: TermStats, options: SimilarityOptions = {}): SimilarPair[] {
  const topK = options.topK ?? 5;
  const threshold = options.threshold ?? 0.12;
  const queryTerms = options.queryTerms ?? 24;
  const n = vectors.length;
  // Terms in more than this many papers say little about any one pair and make the index quadratic.
  const maxDf = Math.max(20, Math.min(500, Math.floor(n * 0.1)));
  const weights: Float32Array[] = [];
  const postings = new Map<number, Posting>();
  vectors.forEach((v, p) => {
    const w = new Float32Array(v.ids.length);
    let norm = 0;
    for (let i = 0; i < v.ids.length; i += 1) {
      const df = stats.df.get(v.ids[i]!) ?? 1;
      if (df < 2) continue;
      w[i] = (1 + Math.log(v.counts[i]!)) * stats.idf(v.ids[i]!);
      norm += w[i]! * w[i]!;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < w.length; i += 1) {
      w[i] = w[i]! / norm;
      const df = stats.df.get(v.ids[i]!) ?? 1;
      if (w[i]! > 0 && df <= maxDf) {
        let list = postings.get(v.ids[i]!);
        if (!list) postings.set(v.ids[i]!, (list = { papers: [], weights: [] }));
        list.papers.push(p);
        list.weights.push(w[i]!);
      }
    }
    weights.push(w);
  });
  const pairs = new Map<string, SimilarPair>();
  const scores = new Float64Array(n);
  const touched: number[] = [];
  for (let p = 0; p < n; p += 1) {
    const v = vectors[p]!;
    const w = weights[p]!;
    const order = [...w.keys()].filter((i) => w[i]! > 0).sort((x, y) => w[y]! - w[x]!).slice(0, queryTerms);
    for (const i of order) {
      const posting = postings.get(v.ids[i]!);
      if (!posting) continue;
      for (let k = 0; k < posting.papers.length; k += 1) {
        const q = posting.papers[k]!;
        if (q === p) continue;
        if (scores[q] === 0) touched.push(q);
        scores[q] = scores[q]! + w[i]! * posting.weights[k]!;
      }
    }
    const best: [number, number][] = [];
    for (const q of touched) {
      const s = scores[q]!;
      scores[q] = 0;
      if (s < threshold) continue;
      best.push([q, s]);
    }
    touched.length = 0;
    best.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    for (const [q, score] of best.slice(0, topK)) {
      const a = Math.min(p, q);
      const b = Math.max(p, q);
      const key = `${a}:${b}`;
      if (pairs.has(key)) continue;
      pairs.set(key, { a, b, score: Math.round(score * 1000) / 1000, shared: sharedTerms(vectors[a]!, weights[a]!, vectors[b]!, weights[b]!) });
    }
  }
  return [...pairs.values()];
}

function sharedTerms(va: TermVector, wa: Float32Array, vb: TermVector, wb: Float32Array): number[] {
  const inB = new Map<number, number>();
  for (let i = 0; i < vb.ids.length; i += 1) if (wb[i]! > 0) inB.set(vb.ids[i]!, wb[i]!);
  const shared: [number, number][] = [];
  for (let i = 0; i < va.ids.length; i += 1) {
    const other = inB.get(va.ids[i]!);
    if (other !== undefined && wa[i]! > 0) shared.push([va.ids[i]!, wa[i]! * other]);
  }
  return shared
    .sort((x, y) => y[1] - x[1])
    .slice(0, 5)
    .map(([id]) => id);
}
