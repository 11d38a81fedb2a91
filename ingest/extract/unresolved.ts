// References a run could not resolve to a node it holds itself. The extractor hands them to the loader,
// which resolves them against what the database already holds and keeps the rest as pending, so that a
// paper arriving in a later ingest still completes the link (in either order of arrival).
import type { BuildsOnKind } from '../../src/shared/graph.js';

/** What a reference points at: a method/architecture name, or a paper by its identifiers. */
export type ReferenceTarget =
  /** A name-like mention (matchKey of the name, and the name as written) not known to the run. */
  | { kind: 'name'; key: string; name: string }
  /** A reference given by the source record (Semantic Scholar `references`, ...). */
  | { kind: 'paper'; arxivId?: string; doi?: string; titleKey?: string };

export interface UnresolvedReference {
  /** Id of the paper the reference is made from. */
  paperId: string;
  target: ReferenceTarget;
  /** BUILDS_ON source (a contribution id of the paper) when the sentence carries lineage. */
  source?: string;
  /** The BUILDS_ON kind when `source` is set. */
  buildsOnKind?: BuildsOnKind;
  /** The sentence the reference came from (or a description of the record field). */
  evidence: string;
  confidence: number;
  extractor: string;
}
