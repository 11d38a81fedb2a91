// Writes fetched papers as JSON lines the ingest readers already understand: arXiv papers as plain
// paper objects (id, arxivId, doi, code, ...), Semantic Scholar and OpenAlex papers as Graph API
// paper objects (paperId, externalIds, references), which the JSON reader maps with their references.
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LIMITS } from '../sources/normalize.js';
import type { FetchedPaper } from './types.js';

export type LineShape = 'paper' | 'graph-api';

/** The readers reject a record with more references than this (normalize.ts LIMITS.listItems). */
const MAX_REFERENCES = LIMITS.listItems;

function externalIds(p: { arxivId?: string; doi?: string }): Record<string, string> {
  return { ...(p.arxivId ? { ArXiv: p.arxivId } : {}), ...(p.doi ? { DOI: p.doi } : {}) };
}

/** The JSON object of one line. */
export function lineObject(paper: FetchedPaper, shape: LineShape): Record<string, unknown> {
  if (shape === 'paper') {
    return {
      id: paper.sourceId,
      title: paper.title,
      abstract: paper.abstract,
      arxivId: paper.arxivId,
      doi: paper.doi,
      year: paper.year,
      authors: paper.authors,
      url: paper.url,
      code: paper.code,
    };
  }
  return {
    paperId: paper.sourceId ?? paper.arxivId ?? paper.doi ?? paper.title,
    externalIds: externalIds(paper),
    title: paper.title,
    abstract: paper.abstract,
    year: paper.year,
    authors: paper.authors?.map((name) => ({ name })),
    url: paper.url,
    // A paper with an enormous reference list keeps its first references rather than being rejected whole.
    references: paper.references
      ?.slice(0, MAX_REFERENCES)
      .map((r) => ({ paperId: r.sourceId, title: r.title, externalIds: externalIds(r) })),
  };
}

/**
 * Writes every paper to `path` through a temporary file renamed into place, so the JSONL is either
 * the previous complete file or the new complete one, never a half-written line.
 */
export async function writeJsonl(path: string, papers: Iterable<FetchedPaper>, shape: LineShape): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const file = await open(tmp, 'w');
  let count = 0;
  try {
    let chunk = '';
    for (const paper of papers) {
      chunk += `${JSON.stringify(lineObject(paper, shape))}\n`;
      count += 1;
      if (chunk.length > 1 << 20) {
        await file.write(chunk);
        chunk = '';
      }
    }
    if (chunk) await file.write(chunk);
    await file.sync();
  } catch (err) {
    await file.close();
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await file.close();
  await rename(tmp, path);
  return count;
}
