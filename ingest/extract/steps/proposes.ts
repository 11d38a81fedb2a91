// PROPOSES: the paper's contributions as nodes (their own, or the taxonomy's when the name is known), each
// registered so later papers can name it.
import { edge } from '../graph.js';
import type { CorpusState } from '../state.js';
import type { PaperContext } from './context.js';

export function proposesStep(state: CorpusState, p: PaperContext): void {
  for (const c of p.contributions) {
    p.nodes.push(state.contributionNode(c));
    p.edges.push(edge('PROPOSES', p.pid, c.id, { evidence: c.evidence, paperId: p.pid, confidence: c.confidence, extractor: c.extractor }));
  }
}
