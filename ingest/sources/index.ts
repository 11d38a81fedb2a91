// Entry point of the readers: detectFormat picks a format and readFile streams ReadItems (and the
// Papers-with-Code code links and methods) from any supported file, never throwing; a `<name>.meta.jsonl`
// beside the file adds arXiv ids and years by title.
import { readArxivAtom } from './arxiv-atom.js';
import { readBibtex } from './bibtex.js';
import { detectFormat } from './detect.js';
import { readJson, readJsonLines } from './json.js';
import { readListing } from './listing.js';
import { readPwcLinks, readPwcMethods, readPwcPapers } from './pwc.js';
import { readSemanticScholar } from './semantic-scholar.js';
import { readSidecar, withSidecarFacts } from './sidecar.js';
import { SourceFileError } from './file-text.js';
import type { FormatName, SourceItem } from './types.js';

export { detectFormat } from './detect.js';
export { FORMAT_NAMES, isFormatName, type CodeLink, type FormatName, type MethodEntry, type SourceItem } from './types.js';

const READERS: Record<FormatName, (path: string) => AsyncIterable<SourceItem>> = {
  listing: readListing,
  json: readJson,
  jsonl: readJsonLines,
  'arxiv-atom': readArxivAtom,
  bibtex: readBibtex,
  'pwc-papers': readPwcPapers,
  'pwc-links': readPwcLinks,
  'pwc-methods': readPwcMethods,
  'semantic-scholar': readSemanticScholar,
};

function withModule(format: FormatName | 'detect', item: SourceItem): SourceItem {
  if (item.kind !== 'issue' || item.issue.reason.startsWith('ingest/')) return item;
  return { kind: 'issue', issue: { ...item.issue, reason: `ingest/sources/${format}: ${item.issue.reason}` } };
}

/**
 * Reads one file. Every problem — a missing, binary, empty or broken file, a rejected record —
 * arrives as an issue item naming the file, the position and the reason; this never throws.
 */
export async function* readFile(path: string, options: { format?: FormatName } = {}): AsyncGenerator<SourceItem> {
  let format: FormatName;
  try {
    format = options.format ?? (await detectFormat(path));
  } catch (err) {
    const position = err instanceof SourceFileError ? err.position : 'file';
    yield withModule('detect', { kind: 'issue', issue: { file: path, position, reason: (err as Error).message } });
    return;
  }
  let last = 'the start of the file';
  const sidecar = readSidecar(path);
  for (const issue of sidecar?.issues ?? [])
    yield { kind: 'issue', issue: { ...issue, reason: `ingest/sources/sidecar: ${issue.reason}` } };
  try {
    for await (const item of READERS[format](path)) {
      if (item.kind === 'issue') last = item.issue.position;
      else if (item.kind === 'record') last = item.record.source;
      yield withModule(
        format,
        sidecar && item.kind === 'record' ? { kind: 'record', record: withSidecarFacts(item.record, sidecar) } : item,
      );
    }
  } catch (err) {
    // A reader bug must not take the whole ingest down: report it like any other bad input.
    const reason =
      err instanceof SourceFileError ? err.message : `unexpected error after ${last}: ${(err as Error)?.message ?? String(err)}`;
    yield withModule(format, {
      kind: 'issue',
      issue: { file: path, position: err instanceof SourceFileError ? err.position : 'file', reason },
    });
  }
}
