// `npx tsx bench/ingest/first-load.ts --size 100000 [--transactional] [--loader] [--bulk-only]`: the first
// load of one corpus size in one run, for when the whole ingest bench is too long: the bulk CLI end to
// end (with its phases), the plain UNWIND and LOAD CSV baselines on the same rows, and optionally the
// transactional CLI and the loader alone; the machine's load average before and after. --bulk-only
// skips the baselines (and the dry run that makes their rows) when only the bulk figures are wanted.
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../test/helpers/ports.js';
import { countGraph, startBenchDb, type BenchDb } from '../lib/neo4j.js';
import { applySchema } from '../../src/neo4j/schema.js';
import { plainUnwindLoad } from './baseline-unwind.js';
import { loadCsv, writeCsvFiles } from './baseline-load-csv.js';
import { bulkLoad } from './bulk.js';
import { runIngestCli } from './child.js';
import { ensureCorpus, ensureWireGraph } from './corpus.js';
import { loaderOnly } from './loader.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'batch-size': { type: 'string', default: '5000' },
    transactional: { type: 'boolean', default: false },
    loader: { type: 'boolean', default: false },
    'bulk-only': { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const batchSize = Number(values['batch-size']);
if (!Number.isInteger(size) || size < 1 || !Number.isInteger(batchSize) || batchSize < 1) {
  throw new Error('bench/ingest/first-load: --size and --batch-size must be positive whole numbers');
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const rate = (count: number, ms: number) => Math.round((count * 1000) / ms);
const log = (line: string) => console.log(`first-load ${size}: ${line}`);

async function fresh(): Promise<BenchDb> {
  const bench = await startBenchDb();
  await applySchema(bench.db);
  return bench;
}

log(`load average before: ${load()}`);
const corpus = await ensureCorpus(size, Number(values.seed));
if (!values['bulk-only']) await baselines();

async function baselines(): Promise<void> {
  const wire = await ensureWireGraph(corpus);
  if (wire.ms !== undefined) log(`dry run --json (the rows for the baselines) ${(wire.ms / 1000).toFixed(1)} s`);

  let bench = await fresh();
  try {
    const u = await plainUnwindLoad(bench.db, wire.path, batchSize);
    log(
      `plain UNWIND CREATE: ${u.nodes} nodes in ${(u.nodesMs / 1000).toFixed(1)} s, ${u.relationships} relationships in ${(u.relationshipsMs / 1000).toFixed(1)} s (${rate(u.relationships, u.relationshipsMs)} rels/s, ${rate(u.nodes + u.relationships, u.ms)} records/s)`,
    );
    await bench.stop();
    bench = await fresh();
    const csvDir = mkdtempSync(join(tmpdir(), 'methodgraph-bench-csv-'));
    try {
      const c = await loadCsv(bench.db, await writeCsvFiles(wire.path, csvDir), batchSize, join(bench.dataDir, 'import'));
      log(
        `LOAD CSV: ${c.nodes} nodes in ${(c.nodesMs / 1000).toFixed(1)} s, ${c.relationships} relationships in ${(c.relationshipsMs / 1000).toFixed(1)} s (${rate(c.relationships, c.relationshipsMs)} rels/s, ${rate(c.nodes + c.relationships, c.ms)} records/s)`,
      );
    } finally {
      rmSync(csvDir, { recursive: true, force: true });
    }
    if (values.loader) {
      await bench.stop();
      bench = await fresh();
      const l = await loaderOnly(bench.db, wire.path, batchSize);
      log(
        `loader alone: ${l.nodes} nodes in ${(l.nodesMs / 1000).toFixed(1)} s, ${l.relationships} relationships in ${(l.relationshipsMs / 1000).toFixed(1)} s (${rate(l.relationships, l.relationshipsMs)} rels/s)`,
      );
    }
    if (values.transactional) {
      await bench.stop();
      bench = await fresh();
      const t = await runIngestCli([corpus, '--batch-size', String(batchSize)], { NEO4J_URI: bench.db.uri });
      if (t.exitCode !== 0) throw new Error(`bench/ingest/first-load: ingest exited with ${t.exitCode}:\n${t.output.slice(-2000)}`);
      const counted = await countGraph(bench.db);
      log(
        `transactional ingest CLI end to end: ${(t.ms / 1000).toFixed(1)} s (${counted.nodes} nodes, ${counted.relationships} relationships)`,
      );
    }
  } finally {
    await bench.stop();
  }
}

const k = await bulkLoad(corpus, await freePort());
log(
  `bulk ingest CLI end to end: ${(k.ms / 1000).toFixed(1)} s (extraction ${k.extractS} s, CSV ${k.csvS} s, import ${k.importS} s at ${k.importRate} records/s, ` +
    `topics in memory ${k.topicsS} s, finish ${k.finishS} s (${k.finishSteps}); ${k.nodes} nodes, ${k.relationships} relationships; ${rate(k.nodes + k.relationships, k.ms)} records/s end to end; peak RSS ${k.peakRssMiB.toFixed(0)} MiB)`,
);
log(`load average after: ${load()}`);
