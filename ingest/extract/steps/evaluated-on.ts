// EVALUATED_ON: datasets and benchmarks the paper names (not the ones it proposes itself): those the
// vocabulary knows, and those the text names by their head noun ("the People-Art Dataset").
import { entityId } from '../../taxonomy/taxonomy.js';
import { findDatasets, findNamedDatasets, NAMED_DATASET_PRECISION } from '../datasets.js';
import { edge, node } from '../graph.js';
import { matchKey } from '../keys.js';
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
  const own = new Set(p.contributions.flatMap((c) => [c.name, ...c.aliases]).map(matchKey));
  for (const d of findNamedDatasets(p.sentences, state.resolveName)) {
    if ([d.name, ...d.aliases].some((n) => own.has(matchKey(n)))) continue;
    const id = entityId('Dataset', d.name);
    p.nodes.push(node(id, 'Dataset', d.name, { name: d.name, aliases: d.aliases, source: 'extraction' }));
    p.edges.push(
      edge('EVALUATED_ON', p.pid, id, {
        evidence: d.evidence,
        paperId: p.pid,
        confidence: NAMED_DATASET_PRECISION,
        extractor: 'named-dataset',
      }),
    );
  }
}
