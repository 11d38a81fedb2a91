// Reads one file with readFile in a fresh process and prints what it took: records, issues,
// milliseconds and peak resident memory (for the macro-bomb figure of the readers bench).
import { readFile } from '../../ingest/sources/index.js';

const path = process.argv[2];
if (!path) {
  console.error('usage: bench/readers/child.ts FILE');
  process.exit(2);
}
const started = performance.now();
let records = 0;
let issues = 0;
const titles: string[] = [];
for await (const item of readFile(path)) {
  if (item.kind === 'record') {
    records += 1;
    if (titles.length < 10) titles.push(item.record.title);
  } else if (item.kind === 'issue') issues += 1;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ records, issues, titles, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
