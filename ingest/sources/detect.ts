// Picks the reader for a file: by its name and extension first (the Papers-with-Code dump names,
// .bib, .xml, .jsonl, .txt), then by sniffing the first bytes of content.
import { basename } from 'node:path';
import { openBytes, SourceFileError } from './file-text.js';
import type { FormatName } from './types.js';

const SNIFF_BYTES = 64 * 1024;

async function head(path: string): Promise<string> {
  const bytes = await openBytes(path);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of bytes) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= SNIFF_BYTES) break;
    }
  } catch (err) {
    // A broken gzip stream: sniff what we have (the reader reports the rest), or say what broke.
    if (size === 0) throw new SourceFileError(`broken gzip data (${(err as Error).message}); re-download or re-compress the file`);
  } finally {
    bytes.destroy();
  }
  return Buffer.concat(chunks)
    .subarray(0, SNIFF_BYTES)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

function byName(path: string): FormatName | undefined {
  const name = basename(path).toLowerCase().replace(/\.gz$/, '');
  if (/^papers-with-abstracts.*\.json$/.test(name)) return 'pwc-papers';
  if (/^links-between-paper(s)?-and-code.*\.json$/.test(name)) return 'pwc-links';
  if (/^methods.*\.json$/.test(name)) return 'pwc-methods';
  if (/\.(bib|bibtex)$/.test(name)) return 'bibtex';
  if (/\.(xml|atom)$/.test(name)) return 'arxiv-atom';
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl';
  if (/\.txt$/.test(name)) return 'listing';
  return undefined;
}

/** Guesses a JSON format from the keys of the first object in the text. */
function jsonFlavor(text: string): FormatName {
  const firstObject = text.slice(0, 8192);
  if (/"repo_url"\s*:/.test(firstObject) && /"paper_(url|arxiv_id)"\s*:/.test(firstObject)) return 'pwc-links';
  if (/"paper_url"\s*:/.test(firstObject) && /"(arxiv_id|abstract)"\s*:/.test(firstObject)) return 'pwc-papers';
  if (/"full_name"\s*:/.test(firstObject) && /"collections"\s*:/.test(firstObject)) return 'pwc-methods';
  if (/"paperId"\s*:/.test(firstObject)) return 'semantic-scholar';
  // JSON lines: the first line is a complete object and another object line follows.
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (text.trimStart().startsWith('{') && lines.length > 1 && lines[1]!.trimStart().startsWith('{')) {
    try {
      JSON.parse(lines[0]!);
      return 'jsonl';
    } catch {
      // not JSON lines
    }
  }
  return 'json';
}

function byContent(text: string): FormatName | undefined {
  const start = text.trimStart();
  if (start.startsWith('<')) return 'arxiv-atom';
  if (start.startsWith('[') || start.startsWith('{')) return jsonFlavor(start);
  if (/^(%[^\n]*\n\s*)*@\s*[a-z]+\s*[{(]/i.test(start)) return 'bibtex';
  return undefined;
}

/**
 * The format of a file. JSON files are refined by content (a `.json` may hold a JSON array, a
 * Semantic Scholar response or a Papers-with-Code dump). Throws SourceFileError when unreadable.
 */
export async function detectFormat(path: string): Promise<FormatName> {
  const named = byName(path);
  if (named && named !== 'listing') return named;
  let text: string;
  try {
    text = await head(path);
  } catch (err) {
    if (named && err instanceof SourceFileError && err.message.startsWith('broken gzip')) return named;
    throw err;
  }
  if (text.includes('\u0000') && !named)
    throw new SourceFileError('binary content; expected a text file of paper records (or pass --format)');
  if (text.trim() === '' && !named) throw new SourceFileError('empty file; expected paper records');
  return byContent(text) ?? named ?? 'listing';
}
