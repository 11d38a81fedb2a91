// Taxonomy facts whose two ends one paper of the run names together: BUILDS_ON with the taxonomy's kind
// (extends when it gives none) and its justification as evidence. A fact between entities no text brings
// together is background knowledge the papers do not state, and is left out.
import type { WireEdge } from '../../../src/shared/graph.js';
import { edge } from '../graph.js';
import type { CorpusState } from '../state.js';

/**
 * Smoothed precision of taxonomy facts against text-only annotation (28/33 on the dev set), measured by
 * `npm run eval`: true of the methods, but often more than the abstract says.
 */
export const TAXONOMY_FACT_PRECISION = 0.83;

export function taxonomyFactsStep(state: CorpusState, edges: WireEdge[]): void {
  for (const fact of state.taxonomy.facts()) {
    if (!state.coMentionedFacts.has(`${fact.source}->${fact.target}`)) continue;
    edges.push(
      edge('BUILDS_ON', fact.source, fact.target, {
        kind: fact.kind ?? 'extends',
        evidence: fact.evidence,
        confidence: TAXONOMY_FACT_PRECISION,
        extractor: 'taxonomy',
        source: 'taxonomy',
      }),
    );
  }
}
