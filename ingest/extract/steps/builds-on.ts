// BUILDS_ON within one paper (the lineage rules); a link to another paper's contribution waits for
// finish(), where it also becomes an inferred citation.
import { edge } from '../graph.js';
import { findBuildsOn } from '../lineage/index.js';
import type { CorpusState } from '../state.js';
import type { PaperContext } from './context.js';

/** Cross-paper links are capped below the in-paper rules: the other paper may name something else. */
const CROSS_PAPER_CAP = 0.8;

export function buildsOnStep(state: CorpusState, p: PaperContext, titleTail: boolean): void {
  const links = findBuildsOn(
    {
      sentences: p.sentences,
      contributions: p.contributions,
      primary: p.primary,
      matcher: state.matcher,
      isDataset: state.isNotLineageTarget,
      resolveName: state.resolveName,
      isContribution: state.isContribution,
    },
    { titleTail },
  );
  for (const link of links) {
    if (p.isOther(link.target)) {
      state.crossRefs.push({
        paper: p.index,
        target: link.target,
        evidence: link.evidence,
        source: link.source,
        kind: link.kind,
        confidence: Math.min(link.confidence, CROSS_PAPER_CAP),
        extractor: `cross-paper/${link.extractor}`,
      });
      continue;
    }
    state.pushEntity(p.nodes, link.target);
    p.edges.push(
      edge(
        'BUILDS_ON',
        link.source,
        link.target,
        {
          kind: link.kind,
          evidence: link.evidence,
          paperId: p.pid,
          confidence: link.confidence,
          extractor: link.extractor,
          source: 'extraction',
        },
        true,
      ),
    );
  }
}
