// Extraction throughput with N threads (this one and N − 1 worker threads): `npx tsx bench/ingest/workers.ts CORPUS.jsonl
// [--papers N] [--workers 1,2] [--runs 3]`. Reads the first N records, then extracts them (prepare in
// the pool, the rest in this thread, then finish) once per worker count per round, the counts
// alternating so load changes hit each alike; prints papers/s (median of the rounds, pool start included)
// and the process's CPU seconds (all threads), so that on a machine whose cores are taken by other work
// the pool's overhead shows even where its wall time cannot, and what starting the pool alone costs.
import { parseArgs } from 'node:util';
import { createExtractor } from '../../ingest/extract/index.js';
import { ExtractionPipeline, poolSize, PreparePool } from '../../ingest/extract/workers/pool.js';
import { readFile } from '../../ingest/sources/index.js';
import type { PaperRecord } from '../../ingest/types.js';
import { median } from '../lib/stats.js';

interface Round {
  rate: number;
  cpuS: number;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

async function extract(records: PaperRecord[], workers: number): Promise<Round> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const extractor = createExtractor();
  const pipeline = new ExtractionPipeline(
    workers > 1 ? () => new PreparePool(poolSize(workers), []) : undefined,
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
  return { rate: (records.length * 1000) / (performance.now() - started), cpuS: cpuSeconds(cpu) };
}

/** Wall and CPU seconds to start a pool and have every worker answer one paper. */
async function poolStart(workers: number, record: PaperRecord): Promise<{ wallS: number; cpuS: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pool = new PreparePool(workers, []);
  try {
    await Promise.all(Array.from({ length: workers }, () => pool.prepare([record])));
  } finally {
    await pool.close();
  }
  return { wallS: (performance.now() - started) / 1000, cpuS: cpuSeconds(cpu) };
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
const rates = new Map<number, Round[]>(counts.map((w) => [w, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const w of round % 2 ? [...counts].reverse() : counts) {
    const r = await extract(records, w);
    rates.get(w)!.push(r);
    console.log(`round ${round + 1}: ${w} thread(s): ${r.rate.toFixed(1)} papers/s, ${r.cpuS.toFixed(1)} CPU s`);
  }
}
for (const [w, list] of rates) {
  const rate = median(list.map((r) => r.rate));
  const cpu = median(list.map((r) => r.cpuS));
  console.log(
    `${w} thread(s): median ${rate.toFixed(1)} papers/s, ${cpu.toFixed(1)} CPU s (${(records.length / cpu).toFixed(1)} papers per CPU s) over ${list.length} runs (${records.length} papers)`,
  );
}
for (const w of counts.filter((n) => n > 1)) {
  const s = await poolStart(poolSize(w), records[0]!);
  console.log(
    `starting the pool of ${poolSize(w)} worker thread(s) for ${w} threads: ${s.wallS.toFixed(1)} s wall, ${s.cpuS.toFixed(1)} CPU s`,
  );
}
