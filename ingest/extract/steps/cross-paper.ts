// Corpus-level lineage: mentions of contributions proposed by other papers of the run (in either order of
// reading) become BUILDS_ON (when the sentence carries lineage), USES and inferred CITES. Names no paper of
// the run proposed are handed to the loader as unresolved references.
import type { WireEdge } from '../../../src/shared/graph.js';
import { edge } from '../graph.js';
import { lineageKind } from '../lineage/index.js';
import type { CorpusState } from '../state.js';
import { CROSS_MENTION, CROSS_MENTION_LINEAGE } from './uses.js';

export function crossPaperStep(state: CorpusState, edges: WireEdge[]): void {
  state.papers.forEach((p, index) => {
    for (const d of p.deferred ?? []) {
      const target = state.contributionByKey.get(d.key);
      const owner = target ? state.contributions.get(target)?.owner : undefined;
      const lineage = d.cue && p.primary !== undefined;
      const evidence = d.sentence ?? `the abstract names ${d.name}`;
      const confidence = d.lineage?.confidence ?? (lineage ? CROSS_MENTION_LINEAGE : CROSS_MENTION);
      const extractor = lineage ? (d.lineage?.extractor ?? 'cross-paper/mention') : 'cross-paper/mention';
      if (!target || owner === undefined) {
        // The same link the run would make had it held the other paper, so the order of arrival does not matter.
        state.unresolved.push({
          paperId: p.id,
          target: { kind: 'name', key: d.key, name: d.name },
          ...(lineage ? { source: p.primary, buildsOnKind: d.kind ?? lineageKind(evidence) } : {}),
          evidence,
          confidence,
          extractor,
        });
        continue;
      }
      if (owner <= index) continue;
      state.crossRefs.push({
        paper: index,
        target,
        evidence,
        ...(lineage ? { source: p.primary, kind: d.kind } : {}),
        confidence,
        extractor,
      });
    }
  });

  for (const ref of state.crossRefs) {
    const owner = state.contributions.get(ref.target)?.owner;
    if (owner === undefined || owner === ref.paper) continue;
    const from = state.papers[ref.paper]!.id;
    const to = state.papers[owner]!.id;
    // The citing paper cites the owner's paper; a method or architecture is also used and, with a
    // source in the citing paper, built on.
    const cites = edge('CITES', from, to, {
      evidence: ref.evidence,
      paperId: from,
      confidence: ref.confidence,
      extractor: 'cross-paper',
      inferred: true,
    });
    if (!state.isDataset(ref.target)) {
      if (ref.source && ref.source !== ref.target) {
        const kind = ref.kind ?? lineageKind(ref.evidence);
        edges.push(
          edge(
            'BUILDS_ON',
            ref.source,
            ref.target,
            { kind, evidence: ref.evidence, paperId: from, confidence: ref.confidence, extractor: ref.extractor, source: 'extraction' },
            true,
          ),
        );
      }
      edges.push(
        edge('USES', from, ref.target, {
          evidence: ref.evidence,
          paperId: from,
          confidence: ref.confidence,
          extractor: 'cross-paper/mention',
        }),
      );
    }
    edges.push(cites);
  }
}
