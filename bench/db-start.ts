// Measures the bundled Neo4j launcher: cold start (new data directory) and warm start (existing one)
// to the READY line, and resident memory once ready. Prints medians over --runs (default 5).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dbConfig } from '../src/neo4j/config.js';
import { startBundledDb } from '../src/neo4j/bundled.js';
import { freePort } from '../test/helpers/ports.js';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export async function measureDbStart(runs: number) {
  const cold: number[] = [];
  const warm: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-bench-db-'));
    const config = { ...dbConfig().bundled, port: await freePort(), dataDir };
    try {
      let t = performance.now();
      let db = await startBundledDb(config);
      cold.push(performance.now() - t);
      await db.stop();
      t = performance.now();
      db = await startBundledDb(config);
      warm.push(performance.now() - t);
      rss.push(rssMiB(db.pid));
      await db.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { coldMs: median(cold), warmMs: median(warm), rssMiB: median(rss), runs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const result = await measureDbStart(Number(values.runs));
  console.log(`| bundled Neo4j | median of ${result.runs} |`);
  console.log('| --- | --- |');
  console.log(`| cold start to READY | ${(result.coldMs / 1000).toFixed(2)} s |`);
  console.log(`| warm start to READY | ${(result.warmMs / 1000).toFixed(2)} s |`);
  console.log(`| resident memory when ready | ${result.rssMiB.toFixed(0)} MiB |`);
}
