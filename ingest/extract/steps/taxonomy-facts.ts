// Taxonomy facts among the entities the run has seen: BUILDS_ON with the taxonomy's kind (extends when it
// gives none) and its justification as evidence.
import type { WireEdge } from '../../../src/shared/graph.js';
import { edge } from '../graph.js';
import type { CorpusState } from '../state.js';

/**
 * Smoothed precision of taxonomy facts against text-only annotation (20/33 on the dev set), measured by
 * `npm run eval`: true of the methods, but often more than the abstract says.
 */
export const TAXONOMY_FACT_PRECISION = 0.6;

export function taxonomyFactsStep(state: CorpusState, edges: WireEdge[]): void {
  for (const fact of state.taxonomy.facts()) {
    if (!state.seenEntities.has(fact.source) || !state.seenEntities.has(fact.target)) continue;
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
