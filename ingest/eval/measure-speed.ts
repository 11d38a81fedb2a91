// Measures extraction speed and memory on one core:
//   node --expose-gc --import tsx ingest/eval/measure-speed.ts [repeats=20]         default corpus repeated (distinct titles)
//   node --expose-gc --import tsx ingest/eval/measure-speed.ts --file corpus.jsonl  any papers file (e.g. a synthetic corpus)
// Prints abstracts per CPU-second (what one core spends; wall time suffers on a shared machine) and heap.
import { parseArgs } from 'node:util';
import { readFile } from '../sources/index.js';
import type { PaperRecord } from '../types.js';
import { createExtractor } from '../extract/index.js';

const { values, positionals } = parseArgs({ options: { file: { type: 'string' } }, allowPositionals: true });
const repeats = values.file ? 1 : Number(positionals[0] ?? 20);
const path = values.file ?? new URL('../../data/papers-listing.txt', import.meta.url).pathname;
const base: PaperRecord[] = [];
for await (const item of readFile(path)) if (item.kind === 'record') base.push(item.record);

// Warm up the NLP model and the JIT on one pass over (at most) 300 records.
{
  const warm = createExtractor();
  for (const r of base.slice(0, 300)) warm.addPaper(r);
  warm.finish();
}
const extractor = createExtractor();
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const start = performance.now();
let n = 0;
for (let i = 0; i < repeats; i += 1) {
  for (const r of base) {
    extractor.addPaper(repeats === 1 ? r : { ...r, title: `${r.title} (copy ${i})`, source: `${r.source}#${i}` });
    n += 1;
  }
}
const added = performance.now();
const cpu1 = process.cpuUsage(cpu0);
gc();
const heapState = process.memoryUsage().heapUsed;
const final = extractor.finish();
const end = performance.now();
const cpu2 = process.cpuUsage(cpu0);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const heapAfter = process.memoryUsage().heapUsed;
console.log(`papers: ${n} from ${path}`);
console.log(
  `addPaper: ${((n / cpuMs(cpu1)) * 1000).toFixed(0)} abstracts/s per CPU-second (${((n / (added - start)) * 1000).toFixed(0)} per wall-second)`,
);
console.log(
  `addPaper + finish: ${((n / cpuMs(cpu2)) * 1000).toFixed(0)} abstracts/s per CPU-second (${((n / (end - start)) * 1000).toFixed(0)} per wall-second; finish ${(end - added).toFixed(0)} ms, ${final.edges.length} corpus edges)`,
);
console.log(
  `extractor state before finish: ${((heapState - heapBefore) / 1024 / 1024).toFixed(1)} MB (${((heapState - heapBefore) / n).toFixed(0)} bytes/paper; exact with node --expose-gc)`,
);
console.log(`heap growth incl. finish output: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB`);
