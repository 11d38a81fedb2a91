// The ingest part of `npm run bench`: for each corpus size, extraction rate, the ingest CLI end to
// end (first run and re-ingest, with peak RSS), the loader alone, and the two baselines in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySchema } from '../../src/neo4j/schema.js';
import { figureKey, type Figure, type Goal } from '../lib/results.js';
import { countGraph, resetDb, startBenchDb, type BenchDb } from '../lib/neo4j.js';
import { median } from '../lib/stats.js';
import { ingestGoals } from './goals.js';
import { plainUnwindLoad, type LoadRun } from './baseline-unwind.js';
import { loadCsv, writeCsvFiles } from './baseline-load-csv.js';
import { runIngestCli, type ChildRun } from './child.js';
import { bulkLoad, type BulkRun } from './bulk.js';
import { freePort } from '../../test/helpers/ports.js';
import { ensureCorpus, ensureWireGraph } from './corpus.js';
import { measureExtraction, readRecords, type ExtractRun } from './extract.js';
import { loaderOnly } from './loader.js';

export interface IngestBenchOptions {
  sizes: number[];
  /** Repetitions per size (each figure is the median); sizes ≥ 50k use `largeRuns`. */
  runs: number;
  largeRuns: number;
  seed: number;
  batchSize: number;
  /** Keep the Neo4j holding the CLI-ingested graph of the largest size (for the API part). */
  keepLast: boolean;
  log: (line: string) => void;
}

export interface IngestBenchResult {
  figures: Figure[];
  goals: Goal[];
  notes: string[];
  /** The Neo4j with the largest corpus ingested by the CLI, when keepLast. */
  kept?: { bench: BenchDb; size: number };
}

const LARGE = 50_000;
const PART = 'ingest';

function fig(name: string, size: number, values: number[], unit: string, better: Figure['better'], baseline?: string): Figure {
  return {
    key: figureKey(PART, name, size),
    part: PART,
    name,
    size,
    value: values.length ? median(values) : NaN,
    unit,
    better,
    runs: values.length,
    ...(baseline ? { baseline: figureKey(PART, baseline, size) } : {}),
  };
}

const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : NaN);

export async function runIngestBench(options: IngestBenchOptions): Promise<IngestBenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const goals: Goal[] = [];
  let kept: IngestBenchResult['kept'];
  const largest = Math.max(...options.sizes);

  for (const size of options.sizes) {
    const runs = size >= LARGE ? options.largeRuns : options.runs;
    const log = (line: string) => options.log(`ingest ${size.toLocaleString('en-US')}: ${line}`);
    const corpus = await ensureCorpus(size, options.seed);
    log(`corpus ${corpus}`);

    // 1. Extraction alone, in this process.
    const extraction: ExtractRun[] = [];
    {
      const records = await readRecords(corpus);
      for (let r = 0; r < runs; r++) {
        const run = measureExtraction(records);
        extraction.push(run);
        log(
          `extraction ${run.rate.toFixed(0)} abstracts/s (addPaper ${(run.addPaperMs / 1000).toFixed(1)} s, finish ${(run.finishMs / 1000).toFixed(1)} s)`,
        );
      }
    }
    figures.push(
      fig(
        'extraction rate',
        size,
        extraction.map((r) => r.rate),
        'abstracts/s',
        'higher',
      ),
    );
    figures.push(
      fig(
        'extraction rate per CPU-second',
        size,
        extraction.map((r) => perSecond(r.papers, r.cpuMs)),
        'abstracts/s',
        'higher',
      ),
    );
    figures.push(
      fig(
        'extraction finish (corpus-level)',
        size,
        extraction.map((r) => r.finishMs / 1000),
        's',
        'lower',
      ),
    );

    // 2. The extracted rows, from the ingest's own --dry-run --json (cached per corpus).
    const wire = await ensureWireGraph(corpus);
    if (wire.ms !== undefined) {
      log(`dry run --json ${(wire.ms / 1000).toFixed(1)} s, peak RSS ${wire.peakRssMiB?.toFixed(0)} MiB`);
      figures.push(fig('dry run --json (extract + export)', size, [wire.ms / 1000], 's', 'lower'));
    }

    // 3. Loads into a Neo4j of our own; every variant starts from an empty database with the schema.
    let bench: BenchDb | undefined = await startBenchDb();
    const fresh = async (): Promise<BenchDb> => {
      if (bench && size < LARGE) {
        await resetDb(bench.db);
        return bench;
      }
      await bench?.stop();
      bench = await startBenchDb();
      await applySchema(bench.db);
      return bench;
    };
    const loader: LoadRun[] = [];
    const unwind: LoadRun[] = [];
    const csv: LoadRun[] = [];
    const first: ChildRun[] = [];
    const again: ChildRun[] = [];
    const stored: { nodes: number; relationships: number }[] = [];
    const bulk: BulkRun[] = [];
    const csvDir = mkdtempSync(join(tmpdir(), 'methodgraph-bench-csv-'));
    try {
      const csvFiles = await writeCsvFiles(wire.path, csvDir);
      for (let r = 0; r < runs; r++) {
        let b = await fresh();
        const l = await loaderOnly(b.db, wire.path, options.batchSize);
        loader.push(l);
        log(
          `loader alone: ${l.nodes} nodes in ${(l.nodesMs / 1000).toFixed(1)} s, ${l.relationships} relationships in ${(l.relationshipsMs / 1000).toFixed(1)} s`,
        );
        b = await fresh();
        const u = await plainUnwindLoad(b.db, wire.path, options.batchSize);
        unwind.push(u);
        log(
          `plain UNWIND CREATE: ${u.nodes} nodes in ${(u.nodesMs / 1000).toFixed(1)} s, ${u.relationships} relationships in ${(u.relationshipsMs / 1000).toFixed(1)} s`,
        );
        b = await fresh();
        const c = await loadCsv(b.db, csvFiles, options.batchSize, join(b.dataDir, 'import'));
        csv.push(c);
        log(
          `LOAD CSV: ${c.nodes} nodes in ${(c.nodesMs / 1000).toFixed(1)} s, ${c.relationships} relationships in ${(c.relationshipsMs / 1000).toFixed(1)} s`,
        );

        // The ingest CLI end to end (read + extract + load), then the same corpus again.
        b = await fresh();
        const env = { NEO4J_URI: b.db.uri };
        const args = [corpus, '--batch-size', String(options.batchSize)];
        const f = await runIngestCli(args, env);
        if (f.exitCode !== 0) throw new Error(`bench/ingest: ingest of ${corpus} exited with ${f.exitCode}:\n${f.output.slice(-2000)}`);
        first.push(f);
        const counted = await countGraph(b.db);
        stored.push(counted);
        const a = await runIngestCli(args, env);
        if (a.exitCode !== 0) throw new Error(`bench/ingest: re-ingest of ${corpus} exited with ${a.exitCode}:\n${a.output.slice(-2000)}`);
        again.push(a);
        const recounted = await countGraph(b.db);
        if (recounted.nodes !== counted.nodes || recounted.relationships !== counted.relationships) {
          notes.push(`ingest ${size}: re-ingest changed the counts (${JSON.stringify(counted)} → ${JSON.stringify(recounted)})`);
        }
        log(
          `ingest CLI: ${(f.ms / 1000).toFixed(1)} s (${counted.nodes} nodes, ${counted.relationships} relationships, peak RSS ${f.peakRssMiB.toFixed(0)} MiB); ` +
            `re-ingest ${(a.ms / 1000).toFixed(1)} s`,
        );

        // The bulk first load (Neo4j's offline importer) of the same corpus, in a data directory of its own.
        const k = await bulkLoad(corpus, await freePort());
        bulk.push(k);
        log(
          `ingest --bulk: ${(k.ms / 1000).toFixed(1)} s (extraction ${k.extractS} s, CSV ${k.csvS} s, import ${k.importS} s at ` +
            `${k.importRate} records/s, topics in memory ${k.topicsS} s, finish ${k.finishS} s: ${k.finishSteps}; ${k.nodes} nodes, ${k.relationships} relationships)`,
        );
        // The importer's nodes are all but the run record; the finish adds the relationships references make.
        if (k.nodes + 1 !== counted.nodes || k.relationships > counted.relationships) {
          notes.push(
            `ingest ${size}: the bulk load wrote ${k.nodes} nodes / ${k.relationships} relationships, the transactional one ${JSON.stringify(counted)}`,
          );
        }
      }
    } finally {
      rmSync(csvDir, { recursive: true, force: true });
      if (options.keepLast && size === largest && bench) kept = { bench, size };
      else await bench?.stop();
    }

    const e2eMs = first.map((f) => f.ms);
    figures.push(
      fig(
        'ingest CLI end to end',
        size,
        e2eMs.map((ms) => ms / 1000),
        's',
        'lower',
      ),
    );
    figures.push(
      fig(
        're-ingest of the same corpus',
        size,
        again.map((a) => a.ms / 1000),
        's',
        'lower',
        'ingest CLI end to end',
      ),
    );
    figures.push(
      fig(
        'ingest CLI relationships/s (end to end)',
        size,
        first.map((f, i) => perSecond(stored[i]!.relationships, f.ms)),
        'rels/s',
        'higher',
      ),
    );
    figures.push(
      fig(
        'ingest CLI nodes/s (end to end)',
        size,
        first.map((f, i) => perSecond(stored[i]!.nodes, f.ms)),
        'nodes/s',
        'higher',
      ),
    );
    figures.push(
      fig(
        'ingest CLI peak RSS',
        size,
        first.map((f) => f.peakRssMiB),
        'MiB',
        'lower',
      ),
    );
    figures.push(
      fig(
        'loader relationships/s',
        size,
        loader.map((l) => perSecond(l.relationships, l.relationshipsMs)),
        'rels/s',
        'higher',
        'UNWIND CREATE relationships/s',
      ),
    );
    figures.push(
      fig(
        'loader nodes/s',
        size,
        loader.map((l) => perSecond(l.nodes, l.nodesMs)),
        'nodes/s',
        'higher',
        'UNWIND CREATE nodes/s',
      ),
    );
    figures.push(
      fig(
        'UNWIND CREATE relationships/s',
        size,
        unwind.map((u) => perSecond(u.relationships, u.relationshipsMs)),
        'rels/s',
        'higher',
      ),
    );
    figures.push(
      fig(
        'UNWIND CREATE nodes/s',
        size,
        unwind.map((u) => perSecond(u.nodes, u.nodesMs)),
        'nodes/s',
        'higher',
      ),
    );
    figures.push(
      fig(
        'LOAD CSV relationships/s',
        size,
        csv.map((c) => perSecond(c.relationships, c.relationshipsMs)),
        'rels/s',
        'higher',
        'UNWIND CREATE relationships/s',
      ),
    );
    figures.push(
      fig(
        'LOAD CSV nodes/s',
        size,
        csv.map((c) => perSecond(c.nodes, c.nodesMs)),
        'nodes/s',
        'higher',
        'UNWIND CREATE nodes/s',
      ),
    );
    figures.push(
      fig(
        'bulk ingest end to end',
        size,
        bulk.map((k) => k.ms / 1000),
        's',
        'lower',
        'ingest CLI end to end',
      ),
    );
    figures.push(
      fig(
        'bulk: extraction',
        size,
        bulk.map((k) => k.extractS),
        's',
        'lower',
      ),
    );
    figures.push(
      fig(
        'bulk: CSV write',
        size,
        bulk.map((k) => k.csvS),
        's',
        'lower',
      ),
    );
    figures.push(
      fig(
        'bulk: import',
        size,
        bulk.map((k) => k.importS),
        's',
        'lower',
      ),
    );
    figures.push(
      fig(
        'bulk: finish (start, schema, references, degrees)',
        size,
        bulk.map((k) => k.finishS),
        's',
        'lower',
      ),
    );
    figures.push(
      fig(
        'bulk import records/s',
        size,
        bulk.map((k) => k.importRate),
        'records/s',
        'higher',
        'loader relationships/s',
      ),
    );
    figures.push(
      fig(
        'bulk records/s (end to end)',
        size,
        bulk.map((k) => perSecond(k.nodes + k.relationships, k.ms)),
        'records/s',
        'higher',
      ),
    );
    figures.push(
      fig(
        'graph size: nodes',
        size,
        stored.map((s) => s.nodes),
        'nodes',
        'higher',
      ),
    );
    figures.push(
      fig(
        'graph size: relationships',
        size,
        stored.map((s) => s.relationships),
        'rels',
        'higher',
      ),
    );

    // The goals, judged at the largest size measured.
    if (size === largest) {
      const get = (name: string) => figures.find((f) => f.key === figureKey(PART, name, size))!.value;
      goals.push(...ingestGoals(get, size));
    }
  }
  return { figures, goals, notes, ...(kept ? { kept } : {}) };
}
