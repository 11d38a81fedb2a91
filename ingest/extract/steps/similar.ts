// SIMILAR_TO {score}: papers whose keyphrase vectors are close (cosine of TF-IDF), with the shared phrases as evidence.
import type { WireEdge } from '../../../src/shared/graph.js';
import { edge } from '../graph.js';
import { similarPapers } from '../similarity.js';
import type { CorpusState } from '../state.js';

export function similarStep(state: CorpusState, edges: WireEdge[], options: { topK: number; threshold: number }): void {
  const pairs = similarPapers(
    state.papers.map((p) => p.vector),
    state.stats,
    options,
  );
  for (const pair of pairs) {
    const a = state.papers[pair.a]!.id;
    const b = state.papers[pair.b]!.id;
    const shared = pair.shared.map((h) => state.stats.names.get(h)).filter((t): t is string => t !== undefined);
    edges.push(edge('SIMILAR_TO', a, b, { score: pair.score, evidence: `shared keyphrases: ${shared.join(', ')}`, paperId: a, confidence: pair.score, extractor: 'tfidf-cosine' }));
  }
}
