// Run in a child process by the tests that bound a reader's memory: reads one file with readFile
// and prints the record count, the first records, the first issues and the peak resident memory.
import { readFile } from '../../../ingest/sources/index.js';

const path = process.argv[2];
if (!path) {
  console.error('usage: read-summary.child.ts FILE');
  process.exit(2);
}
const KEEP = 100;
const records: string[] = [];
const issues: { position: string; reason: string }[] = [];
let recordCount = 0;
let issueCount = 0;
for await (const item of readFile(path)) {
  if (item.kind === 'record' && recordCount++ < KEEP) records.push(`${item.record.sourceId ?? ''}|${item.record.title}`);
  else if (item.kind === 'issue' && issueCount++ < KEEP) issues.push({ position: item.issue.position, reason: item.issue.reason });
}
console.log(JSON.stringify({ recordCount, issueCount, records, issues, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
