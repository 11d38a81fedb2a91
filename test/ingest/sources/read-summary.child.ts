// Run in a child process by the tests that bound a reader's memory: reads one file with readFile
// and prints the records' sources, the issues and the peak resident memory as JSON.
import { readFile } from '../../../ingest/sources/index.js';

const path = process.argv[2];
if (!path) {
  console.error('usage: read-summary.child.ts FILE');
  process.exit(2);
}
const records: string[] = [];
const issues: { position: string; reason: string }[] = [];
for await (const item of readFile(path)) {
  if (item.kind === 'record') records.push(`${item.record.sourceId ?? ''}|${item.record.title}`);
  else if (item.kind === 'issue') issues.push({ position: item.issue.position, reason: item.issue.reason });
}
console.log(JSON.stringify({ records, issues, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
