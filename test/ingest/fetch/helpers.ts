// Shared by the fetch tests: a temporary cache root per test and the records a written JSONL gives
// back through the ingest's own reader.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from '../../../ingest/sources/index.js';
import type { PaperRecord, SourceIssue } from '../../../ingest/types.js';

export function tempFetchDir(): string {
  return mkdtempSync(join(tmpdir(), 'methodgraph-fetch-'));
}

/** Reads a fetched JSONL with the ingest readers, as `npm run ingest` would. */
export async function readBack(path: string): Promise<{ records: PaperRecord[]; issues: SourceIssue[] }> {
  const records: PaperRecord[] = [];
  const issues: SourceIssue[] = [];
  for await (const item of readFile(path)) {
    if (item.kind === 'record') records.push(item.record);
    else if (item.kind === 'issue') issues.push(item.issue);
  }
  return { records, issues };
}

/** A record without its file position, for comparisons. */
export function withoutSource(record: PaperRecord): Omit<PaperRecord, 'source'> {
  const { source: _source, ...rest } = record;
  return rest;
}
