// Reads Semantic Scholar Graph API paper JSON (one paper, an array, a {data: [...]} page or JSON
// lines): paperId, externalIds, title, abstract, year, authors and references -> PaperRecords.
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
} from './normalize.js';
import { SourceFileError } from './file-text.js';
import type { SourceItem } from './types.js';
import { invalidBytesReason, type InvalidBytes } from './utf8.js';

export function isSemanticScholarPaper(value: Record<string, unknown>): boolean {
  return 'paperId' in value && ('externalIds' in value || 'title' in value);
}

function externalIds(value: unknown): { arxivId?: string; doi?: string } {
  if (!isObject(value)) return {};
  return compact({ arxivId: normalizeArxivId(value.ArXiv), doi: normalizeDoi(value.DOI) });
}

/** Maps one Graph API paper object to a record (title may be empty: the validator rejects it). */
export function semanticScholarRecord(value: Record<string, unknown>, source: string): PaperRecord {
  const references = Array.isArray(value.references)
    ? value.references
        .filter(isObject)
        .map((ref) => compact({ sourceId: optionalText(ref.paperId), title: optionalText(ref.title), ...externalIds(ref.externalIds) }))
    : undefined;
  return compact({
    title: cleanText(value.title),
    abstract: cleanText(value.abstract),
    sourceId: optionalText(value.paperId),
    ...externalIds(value.externalIds),
    year: parseYear(value.year),
    authors: authorNames(value.authors),
    url: optionalText(value.url),
    references: references?.filter((r) => Object.keys(r).length > 0),
    source,
  });
}

export async function* readSemanticScholar(path: string): AsyncGenerator<SourceItem> {
  const validator = new RecordValidator();
  try {
    for await (const { index, value, top, invalid, dataInvalid } of jsonValues(path)) {
      const papers: { position: string; value: unknown; invalid?: InvalidBytes }[] =
        top === 'object' && isObject(value) && Array.isArray(value.data)
          ? value.data.map((v, i) => ({ position: `record ${i + 1}`, value: v, invalid: dataInvalid?.get(i) }))
          : [{ position: `record ${index + 1}`, value, invalid }];
      for (const paper of papers) {
        if (paper.invalid) {
          yield issue(path, paper.position, invalidBytesReason(paper.invalid));
          continue;
        }
        if (!isObject(paper.value)) {
          yield issue(path, paper.position, `expected a paper object, got ${describe(paper.value)}`);
          continue;
        }
        const record = semanticScholarRecord(paper.value, `${path}:${paper.position}`);
        const reason = validator.check(record, paper.position);
        yield reason ? issue(path, paper.position, reason) : { kind: 'record', record };
      }
    }
  } catch (err) {
    if (!(err instanceof SourceFileError)) throw err;
    yield issue(path, err.position, err.message);
  }
}
