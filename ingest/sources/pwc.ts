// Reads the three Papers-with-Code dumps, streamed with stream-json: papers-with-abstracts.json
// (papers), links-between-papers-and-code.json (code links) and methods.json (taxonomy entries).
import type { PaperRecord } from '../types.js';
import { describe, isObject, jsonValues } from './json-stream.js';
import {
  authorNames,
  cleanText,
  compact,
  issue,
  LIMITS,
  normalizeArxivId,
  optionalText,
  parseYear,
  RecordValidator,
  stringList,
} from './normalize.js';
import { SourceFileError } from './file-text.js';
import type { CodeLink, MethodEntry, SourceItem } from './types.js';
import { invalidBytesReason } from './utf8.js';

type PaperMethod = NonNullable<PaperRecord['methods']>[number];

function paperMethod(value: unknown): PaperMethod | undefined {
  if (!isObject(value)) return undefined;
  const name = cleanText(value.name);
  if (!name) return undefined;
  const collection = isObject(value.main_collection) ? value.main_collection : {};
  return compact({
    name,
    fullName: optionalText(value.full_name),
    description: optionalText(value.description),
    year: parseYear(value.introduced_year),
    collection: optionalText(collection.name),
    area: optionalText(collection.area),
  });
}

export function pwcPaperRecord(value: Record<string, unknown>, source: string): PaperRecord {
  const methods = Array.isArray(value.methods) ? value.methods.map(paperMethod).filter((m): m is PaperMethod => m !== undefined) : [];
  return compact({
    title: cleanText(value.title),
    abstract: cleanText(value.abstract),
    sourceId: optionalText(value.paper_url),
    arxivId: normalizeArxivId(value.arxiv_id),
    year: parseYear(value.date ?? value.year),
    authors: authorNames(value.authors),
    url: optionalText(value.paper_url ?? value.url_abs),
    tasks: stringList(value.tasks ?? []),
    methods: methods.length ? methods : undefined,
    source,
  });
}

/** Runs a per-element mapper over a streamed dump, turning broken JSON into one issue. */
async function* eachElement(
  path: string,
  what: string,
  map: (value: Record<string, unknown>, position: string) => SourceItem,
): AsyncGenerator<SourceItem> {
  try {
    for await (const { index, value, invalid } of jsonValues(path)) {
      const position = `record ${index + 1}`;
      if (invalid) yield issue(path, position, invalidBytesReason(invalid));
      else yield isObject(value) ? map(value, position) : issue(path, position, `expected ${what} object, got ${describe(value)}`);
    }
  } catch (err) {
    if (!(err instanceof SourceFileError)) throw err;
    yield issue(path, err.position, err.message);
  }
}

export function readPwcPapers(path: string): AsyncGenerator<SourceItem> {
  const validator = new RecordValidator();
  return eachElement(path, 'a paper', (value, position) => {
    const record = pwcPaperRecord(value, `${path}:${position}`);
    const reason = validator.check(record, position);
    return reason ? issue(path, position, reason) : { kind: 'record', record };
  });
}

export function readPwcLinks(path: string): AsyncGenerator<SourceItem> {
  return eachElement(path, 'a link', (value, position) => {
    const repoUrl = cleanText(value.repo_url);
    if (!repoUrl) return issue(path, position, 'missing repo_url');
    if (repoUrl.length > LIMITS.field)
      return issue(path, position, `repo_url is ${repoUrl.length} characters long (at most ${LIMITS.field})`);
    if (!/^https?:\/\//i.test(repoUrl)) return issue(path, position, `repo_url "${repoUrl.slice(0, 80)}" is not an http(s) URL`);
    const link: CodeLink = compact({
      paperUrl: optionalText(value.paper_url),
      arxivId: normalizeArxivId(value.paper_arxiv_id),
      title: optionalText(value.paper_title),
      repoUrl,
      official: value.is_official === true,
      source: `${path}:${position}`,
    });
    if (!link.paperUrl && !link.arxivId && !link.title)
      return issue(path, position, 'names no paper (no paper_url, paper_arxiv_id or paper_title)');
    return { kind: 'code-link', link };
  });
}

export function readPwcMethods(path: string): AsyncGenerator<SourceItem> {
  const seen = new Map<string, string>();
  return eachElement(path, 'a method', (value, position) => {
    const name = cleanText(value.name);
    if (!name) return issue(path, position, 'missing name; every method needs a name');
    if (name.length > LIMITS.title) return issue(path, position, `name is ${name.length} characters long (at most ${LIMITS.title})`);
    const description = optionalText(value.description);
    if (description && description.length > LIMITS.abstract) {
      return issue(path, position, `description is ${description.length} characters long (at most ${LIMITS.abstract})`);
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first) return issue(path, position, `duplicate method "${name}" (first seen at ${first})`);
    seen.set(key, position);
    const collections = Array.isArray(value.collections)
      ? value.collections.filter(isObject).map((c) => compact({ collection: cleanText(c.collection), area: optionalText(c.area) }))
      : [];
    const paper = isObject(value.paper) ? optionalText(value.paper.title ?? value.paper.url) : optionalText(value.paper);
    const method: MethodEntry = compact({
      name,
      fullName: optionalText(value.full_name),
      description,
      paper,
      year: parseYear(value.introduced_year),
      collections: collections.filter((c) => c.collection !== ''),
      source: `${path}:${position}`,
    });
    return { kind: 'method', method };
  });
}
