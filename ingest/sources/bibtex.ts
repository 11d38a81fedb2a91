// Reads BibTeX (e.g. a Zotero export) with @retorquere/bibtex-parser — braces, accents, @string —
// mapping title, abstract, author, year, eprint/archivePrefix, doi and url to PaperRecords.
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { PaperRecord } from '../types.js';
import { cleanText, compact, findCodeUrls, isCodeUrl, issue, normalizeArxivId, normalizeDoi, optionalText, parseYear, RecordValidator } from './normalize.js';
import { lineAt, readText, SourceFileError } from './text.js';
import type { SourceItem } from './types.js';

function creatorName(c: Creator): string {
  return cleanText(c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' '));
}

function field(entry: Entry, name: string): string | undefined {
  const value = (entry.fields as Record<string, unknown>)[name];
  return typeof value === 'string' ? optionalText(value) : undefined;
}

function arxivIdOf(entry: Entry): string | undefined {
  const eprint = field(entry, 'eprint');
  const prefix = (field(entry, 'archiveprefix') ?? field(entry, 'eprinttype') ?? '').toLowerCase();
  if (eprint && (prefix === 'arxiv' || prefix === '')) {
    const id = normalizeArxivId(eprint);
    if (id) return id;
  }
  for (const name of ['arxiv', 'arxivid', 'url', 'journal', 'note']) {
    const value = field(entry, name);
    if (!value) continue;
    if (name === 'arxiv' || name === 'arxivid' || /arxiv/i.test(value)) {
      const id = normalizeArxivId(value);
      if (id) return id;
    }
  }
  return undefined;
}

export function bibtexRecord(entry: Entry, source: string): PaperRecord {
  const url = field(entry, 'url');
  const authors = (entry.fields.author ?? []).map(creatorName).filter((a) => a !== '');
  const code = [...(url && isCodeUrl(url) ? [url] : []), ...findCodeUrls(`${field(entry, 'note') ?? ''} ${field(entry, 'howpublished') ?? ''}`)];
  return compact({
    title: cleanText(field(entry, 'title')),
    abstract: cleanText(field(entry, 'abstract')),
    sourceId: entry.key || undefined,
    arxivId: arxivIdOf(entry),
    doi: normalizeDoi(field(entry, 'doi')),
    year: parseYear(field(entry, 'year') ?? field(entry, 'date')),
    authors: authors.length ? authors : undefined,
    url: url && !isCodeUrl(url) ? url : undefined,
    code: code.length ? [...new Set(code)] : undefined,
    source,
  });
}

/** Finds the line of each entry's `@type{key` in the source, in order. */
function entryLines(source: string, entries: Entry[]): number[] {
  const lines: number[] = [];
  let from = 0;
  for (const entry of entries) {
    const re = new RegExp(`@\\s*${escape(entry.type)}\\s*[{(]\\s*${escape(entry.key)}\\s*,`, 'gi');
    re.lastIndex = from;
    const m = re.exec(source);
    if (m) {
      from = m.index + 1;
      lines.push(lineAt(source, m.index));
    } else {
      lines.push(0);
    }
  }
  return lines;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function* readBibtex(path: string): AsyncGenerator<SourceItem> {
  let source: string;
  try {
    source = await readText(path, 64 * 1024 * 1024);
  } catch (err) {
    if (!(err instanceof SourceFileError)) throw err;
    yield issue(path, err.position, err.message);
    return;
  }
  let library;
  try {
    library = parse(source, { english: false, sentenceCase: false, unsupported: 'ignore', caseProtection: false });
  } catch (err) {
    yield issue(path, 'file', `broken BibTeX: ${cleanText((err as Error).message).slice(0, 300)}`);
    return;
  }
  const broken = new Set<string>();
  for (const error of library.errors) {
    const line = /at line (\d+)/.exec(error.error)?.[1];
    const key = error.input ? /@\s*\w+\s*[{(]\s*([^,\s]+)\s*,/.exec(error.input)?.[1] : undefined;
    if (key) broken.add(key);
    yield issue(path, line ? `line ${line}` : 'file', `broken BibTeX: ${cleanText(error.error).slice(0, 300)}`);
  }
  if (library.entries.length === 0 && library.errors.length === 0) {
    yield issue(path, 'file', 'no BibTeX entries found; expected @article{...} or similar');
    return;
  }
  const lines = entryLines(source, library.entries);
  const validator = new RecordValidator();
  for (const [i, entry] of library.entries.entries()) {
    const position = `entry ${i + 1}${lines[i] ? ` (line ${lines[i]})` : ''}`;
    if (broken.has(entry.key) && Object.keys(entry.fields).length === 0) continue; // already reported
    const record = bibtexRecord(entry, `${path}:${position}`);
    const reason = validator.check(record, position);
    yield reason ? issue(path, position, reason) : { kind: 'record', record };
  }
}
