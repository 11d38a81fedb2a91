// Reads arXiv API Atom XML (fast-xml-parser), one <entry> at a time (atom-scan.ts): entry id,
// title, hard-wrapped summary, published, authors, arxiv:comment code URLs, arxiv:doi,
// arxiv:primary_category and the pdf link. A broken or truncated entry costs only itself.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PaperRecord } from '../types.js';
import { isObject } from './json-stream.js';
import {
  authorNames,
  cleanText,
  compact,
  findCodeUrls,
  issue,
  normalizeArxivId,
  normalizeDoi,
  optionalText,
  parseYear,
  RecordValidator,
} from './normalize.js';
import { atomLayout, lastLine, type AtomEntryBlock, type AtomLayout } from './atom-scan.js';
import { LineCounter, readText, SourceFileError } from './file-text.js';
import type { SourceItem } from './types.js';
import { InvalidCursor, invalidBytesReason } from './utf8.js';

const ARRAYS = new Set(['entry', 'author', 'link', 'category']);

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

/** The text of an element that may carry attributes (then fast-xml-parser gives {#text, @_...}). */
function text(value: unknown): string {
  if (isObject(value)) return cleanText(value['#text']);
  return cleanText(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

export function atomEntryRecord(entry: Record<string, unknown>, source: string): PaperRecord {
  const links = list(entry.link).filter(isObject);
  const pdf = links.find((l) => l['@_title'] === 'pdf')?.['@_href'];
  const abs = links.find((l) => l['@_rel'] === 'alternate')?.['@_href'];
  const comment = text(entry['arxiv:comment']);
  const primary = isObject(entry['arxiv:primary_category']) ? optionalText(entry['arxiv:primary_category']['@_term']) : undefined;
  const categories = list(entry.category)
    .filter(isObject)
    .map((c) => cleanText(c['@_term']))
    .filter((c) => c !== '');
  const id = text(entry.id);
  const code = findCodeUrls(comment);
  return compact({
    title: text(entry.title),
    abstract: text(entry.summary),
    sourceId: optionalText(id),
    arxivId: normalizeArxivId(id),
    doi: normalizeDoi(text(entry['arxiv:doi'])),
    year: parseYear(text(entry.published)),
    authors: authorNames(list(entry.author).map((a) => (isObject(a) ? text(a.name) : text(a)))),
    url: optionalText(pdf) ?? optionalText(abs) ?? optionalText(id),
    code: code.length ? code : undefined,
    categories: primary ? [primary, ...categories.filter((c) => c !== primary)] : categories.length ? categories : undefined,
    source,
  });
}

/** An issue for XML that fast-xml-parser's validator refuses, at the line it names (offset by `line`). */
function brokenXml(path: string, line: number, where: string, result: ReturnType<typeof XMLValidator.validate>): SourceItem | undefined {
  if (result === true) return undefined;
  return issue(path, `line ${line + result.err.line - 1}`, `broken XML (${result.err.code})${where}: ${result.err.msg}`);
}

/** Checks the feed around the entries: its root element, the header's XML and a closing </feed>. */
function* feedChecks(path: string, text: string, layout: AtomLayout): Generator<SourceItem, boolean> {
  const { header, entries } = layout;
  if (!/<feed[\s>]/.test(header)) {
    const broken = brokenXml(path, 1, '', XMLValidator.validate(entries.length ? header : text));
    yield broken ?? issue(path, 'file', 'not an Atom feed (no <feed> root element); expected an arXiv API response');
    return false;
  }
  if (entries.length === 0) {
    const broken = brokenXml(path, 1, '', XMLValidator.validate(text));
    if (broken) yield broken;
    return false;
  }
  const broken = brokenXml(path, 1, ' before the first <entry>', XMLValidator.validate(`${header}</feed>`));
  if (broken) yield broken;
  return true;
}

/** One entry block: a record, or an issue naming the entry and the line of what is wrong. */
function entryItem(
  path: string,
  text: string,
  block: AtomEntryBlock,
  index: number,
  validator: RecordValidator,
  next?: AtomEntryBlock,
): SourceItem {
  const position = `entry ${index + 1} (line ${block.line})`;
  if (block.ending === 'eof') {
    return issue(
      path,
      `line ${lastLine(text)}`,
      `the file ends inside entry ${index + 1} (which starts at line ${block.line}): truncated feed? the entries before it were read`,
    );
  }
  if (block.ending === 'next-entry') {
    return issue(path, position, `entry ${index + 1} has no </entry> before the next <entry> (line ${next?.line ?? '?'}); close it`);
  }
  const source = text.slice(block.start, block.end);
  const broken = brokenXml(path, block.line, ` in entry ${index + 1} (line ${block.line})`, XMLValidator.validate(source));
  if (broken) return broken;
  let doc: Record<string, unknown>;
  try {
    doc = xml.parse(source) as Record<string, unknown>;
  } catch (err) {
    return issue(path, position, `broken XML: ${(err as Error).message}`);
  }
  const entry = list(doc.entry)[0];
  if (!isObject(entry)) return issue(path, position, 'empty <entry> element');
  const record = atomEntryRecord(entry, `${path}:${position}`);
  const reason = validator.check(record, position);
  return reason ? issue(path, position, reason) : { kind: 'record', record };
}

export async function* readArxivAtom(path: string): AsyncGenerator<SourceItem> {
  let text: string;
  let cursor: InvalidCursor;
  try {
    const whole = await readText(path);
    text = whole.text;
    cursor = new InvalidCursor(whole.invalid);
  } catch (err) {
    if (!(err instanceof SourceFileError)) throw err;
    yield issue(path, err.position, err.message);
    return;
  }
  const layout = atomLayout(text);
  if (!(yield* feedChecks(path, text, layout))) return;
  const { entries } = layout;
  const validator = new RecordValidator();
  const lines = new LineCounter(text);
  // Invalid bytes between entries may have broken an "<entry>" tag and hidden an entry: say where.
  const outside = (before: number): SourceItem[] =>
    cursor
      .takeBefore(before)
      .slice(0, 1)
      .map((bad) =>
        issue(path, `line ${lines.lineAt(bad.char)}`, `${invalidBytesReason(bad)}; outside any <entry> (an entry may be hidden here)`),
      );
  for (const [i, block] of entries.entries()) {
    const position = `entry ${i + 1} (line ${block.line})`;
    yield* outside(block.start);
    const bad = cursor.firstIn(block.start, block.end);
    if (bad) {
      yield issue(path, position, invalidBytesReason(bad));
      continue;
    }
    const item = entryItem(path, text, block, i, validator, entries[i + 1]);
    if (i === 0 && entries.length === 1 && item.kind === 'record' && item.record.title === 'Error') {
      yield issue(path, position, `the arXiv API returned an error instead of papers: ${item.record.abstract || 'no details'}`);
      return;
    }
    yield item;
  }
  yield* outside(Number.MAX_SAFE_INTEGER);
  const last = entries[entries.length - 1]!;
  if (last.ending !== 'eof' && !/<\/feed\s*>/.test(layout.trailer)) {
    yield issue(path, `line ${lastLine(text)}`, 'the feed ends without </feed> (truncated file?); the entries before the break were read');
  }
}
