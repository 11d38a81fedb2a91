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
}

export function similarPapers(vectors: TermVector[], stats: TermStats, options: SimilarityOptions = {}): SimilarPair[] {
  const topK = options.topK ?? 5;
  const threshold = options.threshold ?? 0.12;
  const n = vectors.length;
  const maxDf = Math.max(2, Math.min(Math.floor(n * 0.25), 2_000));
  // Weighted, normalized vectors over terms shared by at least two papers.
  const weights: Float32Array[] = [];
  const postings = new Map<number, number[]>();
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
        if (!list) postings.set(v.ids[i]!, (list = []));
        list.push(p);
      }
    }
    weights.push(w);
  });
  const weightOf = (p: number, id: number): number => {
    const v = vectors[p]!;
    for (let i = 0; i < v.ids.length; i += 1) if (v.ids[i] === id) return weights[p]![i]!;
    return 0;
  };
  const pairs = new Map<string, SimilarPair>();
  const scores = new Map<number, number>();
  for (let p = 0; p < n; p += 1) {
    scores.clear();
    const v = vectors[p]!;
    for (let i = 0; i < v.ids.length; i += 1) {
      const wp = weights[p]![i]!;
      if (wp <= 0) continue;
      for (const q of postings.get(v.ids[i]!) ?? []) {
        if (q === p) continue;
        scores.set(q, (scores.get(q) ?? 0) + wp * weightOf(q, v.ids[i]!));
      }
    }
    const best = [...scores.entries()].filter(([, s]) => s >= threshold).sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, topK);
    for (const [q, score] of best) {
      const a = Math.min(p, q);
      const b = Math.max(p, q);
      const key = `${a}:${b}`;
      if (pairs.has(key)) continue;
      const shared: number[] = [];
      const va = vectors[a]!;
      const contributions: [number, number][] = [];
      for (let i = 0; i < va.ids.length; i += 1) {
        const wb = weightOf(b, va.ids[i]!);
        if (wb > 0 && weights[a]![i]! > 0) contributions.push([va.ids[i]!, weights[a]![i]! * wb]);
      }
      contributions.sort((x, y) => y[1] - x[1]);
      for (const [id] of contributions.slice(0, 5)) shared.push(id);
      pairs.set(key, { a, b, score: Math.round(score * 1000) / 1000, shared });
    }
  }
  return [...pairs.values()];
}
