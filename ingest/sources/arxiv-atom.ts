// Reads arXiv API Atom XML (fast-xml-parser): entry id, title, hard-wrapped summary, published,
// authors, arxiv:comment code URLs, arxiv:doi, arxiv:primary_category and the pdf link.
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
import { lineAt, readText, SourceFileError } from './text.js';
import type { SourceItem } from './types.js';

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

export async function* readArxivAtom(path: string): AsyncGenerator<SourceItem> {
  let source: string;
  try {
    source = await readText(path);
  } catch (err) {
    if (!(err instanceof SourceFileError)) throw err;
    yield issue(path, err.position, err.message);
    return;
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    yield issue(path, `line ${valid.err.line}`, `broken XML (${valid.err.code}): ${valid.err.msg}`);
    return;
  }
  let doc: unknown;
  try {
    doc = xml.parse(source);
  } catch (err) {
    yield issue(path, 'file', `broken XML: ${(err as Error).message}`);
    return;
  }
  const feed = isObject(doc) ? doc.feed : undefined;
  if (!isObject(feed)) {
    yield issue(path, 'file', 'not an Atom feed (no <feed> root element); expected an arXiv API response');
    return;
  }
  const entries = list(feed.entry);
  // Line of each <entry> start tag, for messages.
  const entryLines: number[] = [];
  for (const m of source.matchAll(/<entry[\s>]/g)) entryLines.push(lineAt(source, m.index));
  const first = entries[0];
  if (entries.length === 1 && isObject(first) && text(first.title) === 'Error') {
    yield issue(path, `entry 1 (line ${entryLines[0] ?? 1})`, `the arXiv API returned an error instead of papers: ${text(first.summary) || 'no details'}`);
    return;
  }
  const validator = new RecordValidator();
  for (const [i, entry] of entries.entries()) {
    const position = `entry ${i + 1} (line ${entryLines[i] ?? '?'})`;
    if (!isObject(entry)) {
      yield issue(path, position, 'empty <entry> element');
      continue;
    }
    const record = atomEntryRecord(entry, `${path}:${position}`);
    const reason = validator.check(record, position);
    yield reason ? issue(path, position, reason) : { kind: 'record', record };
  }
}
