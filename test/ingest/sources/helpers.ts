// Collects a reader's items for the reader tests.
import { join } from 'node:path';
import { readFile } from '../../../ingest/sources/index.js';
import type { CodeLink, FormatName, MethodEntry } from '../../../ingest/sources/types.js';
import type { PaperRecord, SourceIssue } from '../../../ingest/types.js';

export const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest');

export interface Collected {
  records: PaperRecord[];
  issues: SourceIssue[];
  links: CodeLink[];
  methods: MethodEntry[];
}

export async function collect(path: string, format?: FormatName): Promise<Collected> {
  const out: Collected = { records: [], issues: [], links: [], methods: [] };
  for await (const item of readFile(path, format ? { format } : {})) {
    if (item.kind === 'record') out.records.push(item.record);
    else if (item.kind === 'issue') out.issues.push(item.issue);
    else if (item.kind === 'code-link') out.links.push(item.link);
    else out.methods.push(item.method);
  }
  return out;
}
