// CITES from the references a source record gives (matched by arXiv id, DOI or title key); references to
// papers outside the run are handed to the loader as unresolved references.
import type { WireEdge } from '../../../src/shared/graph.js';
import { edge } from '../graph.js';
import type { CorpusState } from '../state.js';

export function referencesStep(state: CorpusState, edges: WireEdge[]): void {
  for (const p of state.papers) {
    for (const r of p.references ?? []) {
      const target =
        (r.arxivId !== undefined ? state.byArxiv.get(r.arxivId) : undefined) ??
        (r.doi !== undefined ? state.byDoi.get(r.doi) : undefined) ??
        (r.titleKey !== undefined ? state.byTitleKey.get(r.titleKey) : undefined);
      if (target === undefined) {
        state.unresolved.push({
          paperId: p.id,
          target: { kind: 'paper', ...r },
          evidence: 'reference list of the source record',
          confidence: 1,
          extractor: 'references',
        });
        continue;
      }
      if (state.papers[target]!.id === p.id) continue;
      const how =
        r.arxivId && state.byArxiv.get(r.arxivId) === target
          ? `arXiv ${r.arxivId}`
          : r.doi && state.byDoi.get(r.doi) === target
            ? `DOI ${r.doi}`
            : 'title';
      edges.push(
        edge('CITES', p.id, state.papers[target]!.id, {
          evidence: `reference list of the source record (matched by ${how})`,
          paperId: p.id,
          confidence: 1,
          extractor: 'references',
        }),
      );
    }
  }
}
