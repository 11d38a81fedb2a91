// What the fetch clients share: the paper shape they collect before it is written as JSONL, the
// progress they report, and the errors a user sees (each names the source, the URL or argument).
import type { PaperRecord } from '../types.js';

export const SOURCE_NAMES = ['arxiv', 'semantic-scholar', 'openalex'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** A paper as a fetch client collected it: a PaperRecord without the file position. */
export type FetchedPaper = Omit<PaperRecord, 'source'>;

export interface FetchProgress {
  /** Pages (API responses) handled so far, from the network or the cache. */
  pages: number;
  /** Pages expected in all, when the API says (arXiv totalResults, OpenAlex meta.count). */
  totalPages?: number;
  /** Pages served from the on-disk response cache. */
  cachedPages: number;
  /** Distinct papers collected so far. */
  records: number;
}

/** A failure talking to an API: names the URL and, when there was one, the HTTP status. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly url?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The query or id matched no paper. */
export class EmptyResultError extends Error {
  override name = 'EmptyResultError';
}

/** The run was stopped (Ctrl-C); pages fetched so far stay in the cache. */
export class FetchAbortedError extends Error {
  override name = 'FetchAbortedError';
}
