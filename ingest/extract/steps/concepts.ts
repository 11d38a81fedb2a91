// Concepts and MENTIONS {weight}: each paper's top keyphrases by TF-IDF over the run, leaving out phrases
// that name a Method, Architecture or Dataset (those are entities, not topics: no concept:lora next to
// method:lora).
import type { WireEdge, WireNode } from '../../../src/shared/graph.js';
import { topConcepts } from '../concepts.js';
import { edge, node } from '../graph.js';
import { matchKey, slug } from '../keys.js';
import type { CorpusState } from '../state.js';

export function conceptsStep(state: CorpusState, nodes: WireNode[], edges: WireEdge[], perPaper: number): void {
  // Terms repeat across papers: each is looked up once.
  const seen = new Map<string, boolean>();
  const isEntity = (term: string) => {
    let known = seen.get(term);
    if (known === undefined) {
      known = state.taxonomy.resolve(term) !== undefined || state.contributionByKey.has(matchKey(term));
      seen.set(term, known);
    }
    return known;
  };
  for (const p of state.papers) {
    for (const c of topConcepts(p.vector, state.stats, { perPaper, exclude: isEntity })) {
      const cid = `concept:${slug(c.term)}`;
      nodes.push(node(cid, 'Concept', c.term, { name: c.term }));
      edges.push(
        edge('MENTIONS', p.id, cid, {
          weight: c.weight,
          evidence: `keyphrase "${c.term}" occurs ${c.count} time(s) in the title and abstract`,
          paperId: p.id,
          confidence: c.weight,
          extractor: 'tfidf-keyphrase',
        }),
      );
    }
  }
}
