// Reads JSON arrays and JSON lines of {title, abstract, id?, arxivId?, doi?, year?, authors?, url?,
// code?} (Semantic Scholar-shaped objects are mapped as such) into PaperRecords.
import type { PaperRecord } from '../types.js';
import { describe, isObject, jsonValues } from './json-stream.js';
import {
  authorNames,
  cleanText,
  compact,
  issue,
  normalizeArxivId,
  normalizeDoi,
  optionalText,
  parseYear,
  RecordValidator,
  stringList,
} from './normalize.js';
import { isSemanticScholarPaper, semanticScholarRecord } from './semantic-scholar.js';
import { SourceFileError, textLines } from './file-text.js';
import type { SourceItem } from './types.js';
import { invalidBytesReason } from './utf8.js';

/** Maps one JSON object to a record; unknown keys are ignored. */
export function jsonRecord(value: Record<string, unknown>, source: string): PaperRecord {
  if (isSemanticScholarPaper(value)) return semanticScholarRecord(value, source);
  const id = value.id ?? value.paperId;
  return compact({
    title: cleanText(value.title),
    abstract: cleanText(value.abstract ?? value.summary),
    sourceId: typeof id === 'number' ? String(id) : optionalText(id),
    arxivId: normalizeArxivId(value.arxivId ?? value.arxiv_id ?? value.arxiv),
    doi: normalizeDoi(value.doi),
    year: parseYear(value.year ?? value.date ?? value.published),
    authors: authorNames(value.authors),
    url: optionalText(value.url),
    code: stringList(value.code),
    source,
  });
}

function toItem(path: string, position: string, value: unknown, validator: RecordValidator): SourceItem {
  if (!isObject(value)) return issue(path, position, `expected a paper object, got ${describe(value)}`);
  const record = jsonRecord(value, `${path}:${position}`);
  const reason = validator.check(record, position);
  return reason ? issue(path, position, reason) : { kind: 'record', record };
}

/** A JSON array of papers (a single top-level object is read as one paper). */
export async function* readJson(path: string): AsyncGenerator<SourceItem> {
  const validator = new RecordValidator();
  try {
    for await (const { index, value, invalid } of jsonValues(path)) {
      const position = `record ${index + 1}`;
      yield invalid ? issue(path, position, invalidBytesReason(invalid)) : toItem(path, position, value, validator);
    }
  } catch (err) {
    if (!(err instanceof SourceFileError)) throw err;
    yield issue(path, err.position, err.message);
  }
}

/** JSON lines: one paper object per line; a broken line is reported and the rest still read. */
export async function* readJsonLines(path: string): AsyncGenerator<SourceItem> {
  const validator = new RecordValidator();
  let any = false;
  try {
    for await (const { line, text, invalid } of textLines(path)) {
      if (text.trim() === '') continue;
      any = true;
      const position = `line ${line}`;
      if (invalid) {
        yield issue(path, position, invalidBytesReason(invalid));
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        yield issue(path, position, `broken JSON: ${(err as Error).message}`);
        continue;
      }
      yield toItem(path, position, value, validator);
    }
    if (!any) yield issue(path, 'file', 'no JSON lines in the file; expected one paper object per line');
  } catch (err) {
    if (!(err instanceof SourceFileError)) throw err;
    yield issue(path, err.position, err.message);
  }
}
