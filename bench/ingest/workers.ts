// Extraction throughput with N worker threads: `npx tsx bench/ingest/workers.ts CORPUS.jsonl
// [--papers N] [--workers 1,2] [--runs 3]`. Reads the first N records, then extracts them (prepare in
// the pool, the rest in this thread, then finish) once per worker count per round, the counts
// alternating so load changes hit each alike; prints papers/s (median of the rounds, pool start included).
import { parseArgs } from 'node:util';
import { createExtractor } from '../../ingest/extract/index.js';
import { ExtractionPipeline, PreparePool } from '../../ingest/extract/workers/pool.js';
import { readFile } from '../../ingest/sources/index.js';
import type { PaperRecord } from '../../ingest/types.js';
import { median } from '../lib/stats.js';

async function extract(records: PaperRecord[], workers: number): Promise<number> {
  const started = performance.now();
  const extractor = createExtractor();
  const pipeline = new ExtractionPipeline(
    workers > 1 ? () => new PreparePool(workers, []) : undefined,
    (r) => extractor.prepare(r),
    (p) => extractor.addPrepared(p),
  );
  try {
    for (const r of records) await pipeline.push(r);
    await pipeline.drain();
    extractor.finish();
  } finally {
    await pipeline.close();
  }
  return (records.length * 1000) / (performance.now() - started);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { papers: { type: 'string' }, workers: { type: 'string' }, runs: { type: 'string' } },
});
const corpus = positionals[0];
if (!corpus) throw new Error('bench/ingest/workers: name a corpus file (JSONL), e.g. bench/corpus/papers-10000-seed1.jsonl');
const limit = Number(values.papers ?? 2000);
const counts = (values.workers ?? '1,2').split(',').map(Number);
const rounds = Number(values.runs ?? 3);
const records: PaperRecord[] = [];
for await (const item of readFile(corpus)) {
  if (item.kind === 'record') records.push(item.record);
  if (records.length >= limit) break;
}
const rates = new Map<number, number[]>(counts.map((w) => [w, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const w of round % 2 ? [...counts].reverse() : counts) {
    const rate = await extract(records, w);
    rates.get(w)!.push(rate);
    console.log(`round ${round + 1}: ${w} worker(s): ${rate.toFixed(1)} papers/s`);
  }
}
for (const [w, list] of rates)
  console.log(`${w} worker(s): median ${median(list).toFixed(1)} papers/s over ${list.length} runs (${records.length} papers)`);
