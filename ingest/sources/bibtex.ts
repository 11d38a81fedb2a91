// Reads BibTeX (e.g. a Zotero export): splits the file into blocks itself (linear, with lines),
// expands @string macros within limits (bibtex-strings.ts), and decodes entries in batches with
// @retorquere/bibtex-parser — braces, accents, names — mapping them to PaperRecords. A bad entry
// (broken syntax, invalid bytes, a refused macro) is reported on its own; the rest are kept.
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { PaperRecord } from '../types.js';
import { bibBlocks, bibFields, type BibBlock, type BibField } from './bibtex-scan.js';
import { MacroTable } from './bibtex-strings.js';
import {
  cleanText,
  compact,
  findCodeUrls,
  isCodeUrl,
  issue,
  normalizeArxivId,
  normalizeDoi,
  optionalText,
  parseYear,
  RecordValidator,
} from './normalize.js';
import { LineCounter, readText, SourceFileError } from './file-text.js';
import type { SourceItem } from './types.js';
import { InvalidCursor, invalidBytesReason } from './utf8.js';

const PARSE_OPTIONS = { english: false, sentenceCase: false, unsupported: 'ignore', caseProtection: false } as const;
/** Entries decoded per parser call: one call per entry costs twice as much as batches. */
const BATCH = { entries: 64, chars: 256 * 1024 };
const MAX_FILE_CHARS = 64 * 1024 * 1024;

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
  const code = [
    ...(url && isCodeUrl(url) ? [url] : []),
    ...findCodeUrls(`${field(entry, 'note') ?? ''} ${field(entry, 'howpublished') ?? ''}`),
  ];
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

/** An entry waiting in a batch: its position, the text for the parser, the macros it uses. */
interface PendingEntry {
  block: BibBlock;
  position: string;
  text: string;
  macros: Record<string, string>;
  /** Fields of plain text, kept out of the parser's TeX decoding (see plainFields). */
  plain: Record<string, string>;
}

/**
 * Long fields that TeX decoding would return unchanged: only letters, digits, spaces and plain
 * punctuation — no backslash, brace, dollar, tilde, quote marks, "--" or other TeX specials.
 * Decoding costs tens of microseconds per character, and abstracts are the longest fields.
 */
const PLAIN_FIELDS = new Set(['abstract']);
const PLAIN_TEXT = /^[\p{L}\p{N}\s.,;:!?()'/+=*-]*$/u;

function plainFields(src: string, block: BibBlock, fields: BibField[]): { text: string; plain: Record<string, string> } | undefined {
  const plain: Record<string, string> = {};
  const cut: BibField[] = [];
  for (const f of fields) {
    const part = f.parts[0];
    if (!PLAIN_FIELDS.has(f.name) || f.parts.length !== 1 || part?.kind !== 'text') continue;
    if (!PLAIN_TEXT.test(part.text) || part.text.includes('--') || part.text.includes("''")) continue;
    plain[f.name] = part.text;
    cut.push(f);
  }
  if (cut.length === 0) return undefined;
  // The parser gets the entry with those values emptied, line breaks kept so its lines still count.
  let body = '';
  let at = 0;
  for (const f of cut) {
    body += `${block.body.slice(at, f.valueStart)}{${block.body.slice(f.valueStart, f.valueEnd).replace(/[^\n]/g, '')}}`;
    at = f.valueEnd;
  }
  body += block.body.slice(at);
  const head = src.slice(block.start, block.bodyStart);
  const tail = src.slice(block.bodyStart + block.body.length, block.end);
  return { text: head + body + tail, plain };
}

/** Reads the BibTeX blocks of one file into items; holds the macro table and the batch. */
class BibtexReader {
  private readonly table: MacroTable;
  private readonly validator = new RecordValidator();
  private batch: PendingEntry[] = [];
  private batchMacros: Record<string, string> = {};
  private batchChars = 0;
  entries = 0;
  issues = 0;

  constructor(
    private readonly path: string,
    private readonly src: string,
  ) {
    this.table = new MacroTable(src.length);
  }

  private issue(position: string, reason: string): SourceItem {
    this.issues += 1;
    return issue(this.path, position, reason);
  }

  /** An @string: each of its macros is defined, or refused with the reason. */
  *string(block: BibBlock, invalid: string | undefined): Generator<SourceItem> {
    yield* this.flush(); // keeps the items in file order
    const parsed = block.terminated ? bibFields(block.body, false) : undefined;
    const position = `line ${block.line}`;
    if (!parsed || parsed.fields.length === 0) {
      yield this.issue(
        position,
        `broken BibTeX: an @string that does not read as name = value${block.terminated ? '' : ' (unterminated)'}`,
      );
      return;
    }
    for (const f of parsed.fields) {
      const refused = invalid ? this.table.refuse(f.name, block.line, `is refused: ${invalid}`) : this.table.define(f, block.line);
      if (refused) yield this.issue(position, refused);
    }
  }

  /** An entry: refused now (invalid bytes, a refused macro, a field too long) or batched. */
  *entry(block: BibBlock, invalid: string | undefined): Generator<SourceItem> {
    this.entries += 1;
    const position = `entry ${this.entries} (line ${block.line})`;
    if (invalid) {
      yield this.issue(position, invalid);
      return;
    }
    const parsed = block.terminated ? bibFields(block.body, true) : undefined;
    let macros: Record<string, string> = {};
    if (parsed) {
      const expansion = this.table.expand(parsed.fields);
      if (!expansion.ok) {
        yield this.issue(position, expansion.reason);
        return;
      }
      macros = expansion.macros;
    }
    const split = parsed ? plainFields(this.src, block, parsed.fields) : undefined;
    const text = split?.text ?? this.src.slice(block.start, block.end);
    const chars = text.length;
    const clash = Object.entries(macros).some(([name, value]) => name in this.batchMacros && this.batchMacros[name] !== value);
    if (clash || this.batch.length >= BATCH.entries || this.batchChars + chars > BATCH.chars) yield* this.flush();
    this.batch.push({ block, position, text, macros, plain: split?.plain ?? {} });
    Object.assign(this.batchMacros, macros);
    this.batchChars += chars;
  }

  /** Decodes the batch in one parser call; if anything in it went wrong, entry by entry. */
  *flush(): Generator<SourceItem> {
    const batch = this.batch;
    const macros = this.batchMacros;
    this.batch = [];
    this.batchMacros = {};
    this.batchChars = 0;
    if (batch.length === 0) return;
    let library;
    try {
      library = parse(batch.map((p) => p.text).join('\n'), { ...PARSE_OPTIONS, strings: macros });
    } catch {
      library = undefined;
    }
    if (library && library.errors.length === 0 && library.entries.length === batch.length) {
      for (const [i, entry] of library.entries.entries()) yield this.record(entry, batch[i]!);
      return;
    }
    for (const pending of batch) yield* this.single(pending);
  }

  private *single(pending: PendingEntry): Generator<SourceItem> {
    const { block, position } = pending;
    let library;
    try {
      library = parse(pending.text, { ...PARSE_OPTIONS, strings: pending.macros });
    } catch (err) {
      yield this.issue(position, `broken BibTeX: ${cleanText((err as Error).message).slice(0, 300)}`);
      return;
    }
    for (const error of library.errors) {
      // The parser counts lines from the entry's "@": make them lines of the file.
      const relative = /at line (\d+)/.exec(error.error)?.[1];
      const line = relative ? block.line + Number(relative) - 1 : undefined;
      const message = cleanText(line ? error.error.replace(/at line \d+/, `at line ${line}`) : error.error).slice(0, 300);
      yield this.issue(line ? `line ${line}` : position, `broken BibTeX: ${message}`);
    }
    const entry = library.entries[0];
    if (!entry || (library.errors.length > 0 && Object.keys(entry.fields).length === 0)) return;
    yield this.record(entry, pending);
  }

  private record(entry: Entry, { position, plain }: PendingEntry): SourceItem {
    Object.assign(entry.fields, plain);
    const record = bibtexRecord(entry, `${this.path}:${position}`);
    const reason = this.validator.check(record, position);
    return reason ? this.issue(position, reason) : { kind: 'record', record };
  }
}

export async function* readBibtex(path: string): AsyncGenerator<SourceItem> {
  let text: string;
  let cursor: InvalidCursor;
  try {
    const whole = await readText(path, MAX_FILE_CHARS);
    text = whole.text;
    cursor = new InvalidCursor(whole.invalid);
  } catch (err) {
    if (!(err instanceof SourceFileError)) throw err;
    yield issue(path, err.position, err.message);
    return;
  }
  const reader = new BibtexReader(path, text);
  const lines = new LineCounter(text);
  // Invalid bytes between blocks may have broken an "@type{" and hidden an entry: say where.
  const outside = (before: number): SourceItem[] =>
    cursor
      .takeBefore(before)
      .slice(0, 1)
      .map((bad) => {
        reader.issues += 1;
        return issue(path, `line ${lines.lineAt(bad.char)}`, `${invalidBytesReason(bad)}; outside any entry (an entry may be hidden here)`);
      });
  for (const block of bibBlocks(text)) {
    yield* outside(block.start);
    const bad = cursor.firstIn(block.start, block.end);
    const invalid = bad ? invalidBytesReason(bad) : undefined;
    if (block.type === 'comment' || block.type === 'preamble') continue;
    if (block.type === 'string') yield* reader.string(block, invalid);
    else yield* reader.entry(block, invalid);
  }
  yield* reader.flush();
  yield* outside(Number.MAX_SAFE_INTEGER);
  if (reader.entries === 0 && reader.issues === 0) yield issue(path, 'file', 'no BibTeX entries found; expected @article{...} or similar');
}
