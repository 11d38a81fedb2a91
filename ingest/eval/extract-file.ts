// Runs the ingest in dry-run mode on one papers file, in-process: the same path as
// `npm run ingest -- FILE --dry-run --json OUT` (readers, taxonomy, extractor, the loader's merge).
import { ingest } from '../run.js';
import type { WireGraph } from '../../src/shared/graph.js';

export async function extractFile(path: string): Promise<WireGraph> {
  const issues: string[] = [];
  const summary = await ingest(undefined, {
    files: [path],
    dryRun: true,
    onIssue: (i) => issues.push(`${i.file} ${i.position}: ${i.reason}`),
  });
  if (issues.length) throw new Error(`ingest/eval: ${path}: ${issues.length} record(s) rejected, first: ${issues[0]}; fix the papers file`);
  if (!summary.graph) throw new Error(`ingest/eval: ${path}: the dry run returned no graph`);
  return summary.graph;
}
