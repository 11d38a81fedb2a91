// Field cleaning shared by the readers (whitespace, arXiv ids, DOIs, years, code URLs) and the
// record validation every reader applies: title present, no absurdly long field, no duplicate id.
import type { PaperRecord, SourceIssue } from '../types.js';

export const LIMITS = {
  title: 1_000,
  abstract: 50_000,
  field: 2_000,
  authors: 2_000,
  listItems: 5_000,
} as const;

/** Collapses runs of whitespace (hard-wrapped XML summaries, BibTeX) and trims. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : '';
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function optionalText(value: unknown): string | undefined {
  const text = cleanText(value);
  return text === '' ? undefined : text;
}

const ARXIV_NEW = /(\d{4}\.\d{4,5})(v\d+)?/;
const ARXIV_OLD = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/;

/** "arXiv:2402.12345v2", "http://arxiv.org/abs/2402.12345v1", "cs/0101001" -> "2402.12345", "cs/0101001". */
export function normalizeArxivId(value: unknown): string | undefined {
  const text = cleanText(value);
  if (!text) return undefined;
  const m = ARXIV_NEW.exec(text) ?? ARXIV_OLD.exec(text);
  return m?.[1];
}

/** "https://doi.org/10.1000/ABC" -> "10.1000/abc" (DOIs are case-insensitive). */
export function normalizeDoi(value: unknown): string | undefined {
  const text = cleanText(value);
  if (!text) return undefined;
  const m = /10\.\d{4,9}\/\S+/.exec(text);
  return m ? m[0].replace(/[.,;]+$/, '').toLowerCase() : undefined;
}

/** A plausible publication year from a number or a date string ("2024-02-20T18:00:00Z"). */
export function parseYear(value: unknown): number | undefined {
  const m = typeof value === 'number' ? [String(value), String(value)] : /\b(1[89]\d\d|20\d\d|21\d\d)\b/.exec(cleanText(value));
  if (!m) return undefined;
  const year = Number(m[1]);
  return Number.isInteger(year) && year >= 1800 && year <= 2199 ? year : undefined;
}

const CODE_URL = /\bhttps?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)\/[^\s,;)}\]>"']+/gi;

/** Code-host URLs in free text (an arXiv comment, a BibTeX note), trailing punctuation stripped. */
export function findCodeUrls(text: string): string[] {
  const urls = new Set<string>();
  for (const m of text.matchAll(CODE_URL)) urls.add(m[0].replace(/[.,:;!?]+$/, ''));
  return [...urls];
}

export function isCodeUrl(url: string): boolean {
  return findCodeUrls(url).length > 0;
}

/** Author names from strings or {name} objects, cleaned; non-names dropped. */
export function authorNames(value: unknown): string[] | undefined {
  if (typeof value === 'string') value = value.split(/\s*(?:;|\band\b)\s*/);
  if (!Array.isArray(value)) return undefined;
  const names = value
    .map((a) => cleanText(typeof a === 'object' && a !== null ? (a as { name?: unknown }).name : a))
    .filter((a) => a !== '');
  return names.length ? names : undefined;
}

export function stringList(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : [value]).map(cleanText).filter((v) => v !== '');
  return list.length ? list : undefined;
}

/** Drops keys whose value is undefined, so records compare and serialize cleanly. */
export function compact<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) {
    if (record[key] === undefined) delete record[key];
  }
  return record;
}

/**
 * Checks one record and tracks ids already seen in this file. Returns the reason it is
 * rejected, or undefined when it is fine.
 */
export class RecordValidator {
  private seen = new Map<string, string>();

  check(record: PaperRecord, position: string): string | undefined {
    if (!record.title) return 'missing title; every paper needs a title';
    if (record.title.length > LIMITS.title)
      return `title is ${record.title.length} characters long (at most ${LIMITS.title}); is this really a title?`;
    if (record.abstract.length > LIMITS.abstract)
      return `abstract is ${record.abstract.length} characters long (at most ${LIMITS.abstract})`;
    for (const key of ['sourceId', 'arxivId', 'doi', 'url'] as const) {
      const value = record[key];
      if (value !== undefined && value.length > LIMITS.field) return `${key} is ${value.length} characters long (at most ${LIMITS.field})`;
    }
    if ((record.authors?.length ?? 0) > LIMITS.authors) return `${record.authors!.length} authors (at most ${LIMITS.authors})`;
    for (const author of record.authors ?? []) {
      if (author.length > LIMITS.field) return `an author name is ${author.length} characters long (at most ${LIMITS.field})`;
    }
    for (const key of ['code', 'tasks', 'categories', 'references', 'methods'] as const) {
      const list = record[key];
      if (list && list.length > LIMITS.listItems) return `${list.length} ${key} (at most ${LIMITS.listItems})`;
    }
    for (const url of record.code ?? []) {
      if (url.length > LIMITS.field) return `a code URL is ${url.length} characters long (at most ${LIMITS.field})`;
    }
    const ids: [string, string | undefined][] = [
      ['id', record.sourceId],
      ['arXiv id', record.arxivId],
      ['DOI', record.doi],
    ];
    for (const [kind, value] of ids) {
      if (!value) continue;
      const first = this.seen.get(`${kind}\u0000${value}`);
      if (first) return `duplicate ${kind} "${value}" (first seen at ${first}); remove one of the two`;
    }
    for (const [kind, value] of ids) if (value) this.seen.set(`${kind}\u0000${value}`, position);
    return undefined;
  }
}

export function issue(file: string, position: string, reason: string): { kind: 'issue'; issue: SourceIssue } {
  return { kind: 'issue', issue: { file, position, reason } };
}
