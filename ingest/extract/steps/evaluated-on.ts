// EVALUATED_ON: datasets and benchmarks the paper names (not the ones it proposes itself).
import { findDatasets } from '../datasets.js';
import { edge } from '../graph.js';
import type { CorpusState } from '../state.js';
import type { PaperContext } from './context.js';

export function evaluatedOnStep(state: CorpusState, p: PaperContext): void {
  for (const d of findDatasets(p.sentences, state.isDataset, p.proposed)) {
    state.pushEntity(p.nodes, d.target);
    p.edges.push(
      edge('EVALUATED_ON', p.pid, d.target, {
        evidence: d.evidence,
        paperId: p.pid,
        confidence: d.confidence,
        extractor: 'dataset-mention',
      }),
    );
  }
}
