// The record every reader in ingest/sources produces, and the reader contract.

/** One paper as read from a source file, before extraction. */
export interface PaperRecord {
  title: string;
  abstract: string;
  /** The source's own id for the record, if any (e.g. a Semantic Scholar paperId). */
  sourceId?: string;
  arxivId?: string;
  doi?: string;
  year?: number;
  authors?: string[];
  url?: string;
  /** Code repository URLs the source gives directly (arXiv comment, JSON `code`, PwC links). */
  code?: string[];
  /** References the source gives (Semantic Scholar): matched to papers in the graph as CITES. */
  references?: { sourceId?: string; title?: string; arxivId?: string; doi?: string }[];
  /** Method names the source itself tags the paper with (Papers with Code `methods`). */
  methods?: { name: string; fullName?: string; description?: string; year?: number; collection?: string; area?: string }[];
  tasks?: string[];
  categories?: string[];
  /** Where the record came from: "<file>#<position>", e.g. "data/papers-listing.txt:5". */
  source: string;
}

/** A problem with one record or a whole file: always names the file and the position. */
export interface SourceIssue {
  file: string;
  /** Line number (1-based) or record index, as the format allows: "line 12", "entry 3", "record 7". */
  position: string;
  reason: string;
}

export type ReadItem = { kind: 'record'; record: PaperRecord } | { kind: 'issue'; issue: SourceIssue };
