// `npm run bench [-- --quick] [--parts ingest,api,actions,render,db,readers] [--sizes 10000,100000] [--runs N]`
// (with NEO4J_URI set, the API part measures that database as it is instead of ingesting one):
// runs the benchmarks, writes bench/results/<date>.json, prints a Markdown table and the change
// against the previous results file. Exits non-zero when a check fails (e.g. an API label scan).
import { parseArgs } from 'node:util';
import { runApiBench } from './api/index.js';
import { measureDbStart } from './db-start.js';
import { runIngestCli } from './ingest/child.js';
import { ensureCorpus } from './ingest/corpus.js';
import { runIngestBench } from './ingest/index.js';
import { startBenchDb, type BenchDb } from './lib/neo4j.js';
import { dbConfig } from '../src/neo4j/config.js';
import { openDatabase } from '../src/neo4j/driver.js';
import { runReadersBench } from './readers/index.js';
import {
  figureKey,
  formatValue,
  machine,
  previousResults,
  resultsPath,
  toMarkdown,
  writeResults,
  type Figure,
  type Goal,
  type Results,
} from './lib/results.js';
import { runActionsBench } from './render/actions.js';
import { runRenderBench, type RenderFigures } from './render/run.js';

const PARTS = ['ingest', 'api', 'actions', 'render', 'db', 'readers'] as const;
type Part = (typeof PARTS)[number];

export interface BenchOptions {
  quick: boolean;
  parts: Part[];
  sizes: number[];
  runs: number;
  largeRuns: number;
  seed: number;
  batchSize: number;
  apiSeconds: number;
  apiWarmupSeconds: number;
  renderSizes: number[];
  renderRuns: number;
  renderSeconds: number;
  dbRuns: number;
  readerSizes: number[];
  /** The node the explorer's actions apply to (default: the most important idea of the first view). */
  actionNode: string | undefined;
  /** Which explorer actions to measure (lineage, only-this, expand, filter, undo); all when unset. */
  actions: string[] | undefined;
  write: boolean;
}

function list(value: string, flag: string): number[] {
  const out = value.split(',').map((s) => Number(s.trim()));
  if (out.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`bench/run: ${flag} must be a comma-separated list of positive integers, got "${value}"`);
  return out;
}

function positive(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`bench/run: ${flag} must be a positive number, got "${value}"`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      parts: { type: 'string' },
      sizes: { type: 'string' },
      runs: { type: 'string' },
      'large-runs': { type: 'string' },
      seed: { type: 'string' },
      'batch-size': { type: 'string' },
      'api-seconds': { type: 'string' },
      'render-sizes': { type: 'string' },
      'render-runs': { type: 'string' },
      'reader-sizes': { type: 'string' },
      'action-node': { type: 'string' },
      actions: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const quick = values.quick === true;
  const parts = (values.parts ?? PARTS.join(',')).split(',').map((p) => p.trim());
  for (const p of parts) {
    if (!(PARTS as readonly string[]).includes(p))
      throw new Error(`bench/run: --parts "${p}" is not a part; use some of ${PARTS.join(',')}`);
  }
  return {
    quick,
    parts: parts as Part[],
    sizes: values.sizes ? list(values.sizes, '--sizes') : quick ? [1000] : [10_000, 100_000],
    runs: positive(values.runs, '--runs', 3),
    largeRuns: positive(values['large-runs'], '--large-runs', 1),
    seed: positive(values.seed, '--seed', 1),
    batchSize: positive(values['batch-size'], '--batch-size', 5000),
    apiSeconds: positive(values['api-seconds'], '--api-seconds', quick ? 1.5 : 10),
    apiWarmupSeconds: quick ? 0.5 : 2,
    renderSizes: values['render-sizes'] ? list(values['render-sizes'], '--render-sizes') : quick ? [1000, 10_000] : [1000, 10_000, 50_000],
    renderRuns: positive(values['render-runs'], '--render-runs', quick ? 2 : 3),
    renderSeconds: quick ? 1 : 3,
    dbRuns: quick ? 1 : 3,
    readerSizes: values['reader-sizes']
      ? list(values['reader-sizes'], '--reader-sizes')
      : quick
        ? [1000, 2000, 4000]
        : [10_000, 20_000, 40_000],
    actionNode: values['action-node'],
    actions: values.actions?.split(',').map((a) => a.trim()),
    write: values['no-write'] !== true,
  };
}

function renderFigures(all: RenderFigures[]): { figures: Figure[]; goals: Goal[] } {
  const figures: Figure[] = [];
  const goals: Goal[] = [];
  const key = (lib: string, name: string, n: number) => figureKey('render', `${lib} ${name}`, n);
  for (const r of all) {
    const baselineOf = (name: string) => (r.library === 'sigma' ? { baseline: key('vis-network', name, r.nodes) } : {});
    const f = (name: string, value: number, unit: string, better: Figure['better']): Figure => ({
      key: key(r.library, name, r.nodes),
      part: 'render',
      name: `${r.library} ${name}`,
      size: r.nodes,
      value,
      unit,
      better,
      runs: r.runs,
      ...baselineOf(name),
    });
    figures.push(
      f('first paint', r.firstPaintMs, 'ms', 'lower'),
      f('navigation to paint', r.navigationToPaintMs, 'ms', 'lower'),
      f('fps panning/zooming', r.fps, 'fps', 'higher'),
      f('main-thread ms per draw', r.renderMs, 'ms', 'lower'),
      f('longest task during layout', r.layoutLongestTaskMs, 'ms', 'lower'),
      f('longest timer gap during layout', r.layoutMaxGapMs, 'ms', 'lower'),
    );
  }
  const get = (lib: string, n: number) => all.find((r) => r.library === lib && r.nodes === n);
  const sigma10k = get('sigma', 10_000);
  const vis10k = get('vis-network', 10_000);
  if (sigma10k && vis10k) {
    goals.push({
      part: 'render',
      goal: 'first paint ≤ 1 s at 10k nodes (sigma)',
      measured: formatValue(sigma10k.firstPaintMs, 'ms'),
      baseline: formatValue(vis10k.firstPaintMs, 'ms (vis-network)'),
      ratio: `${(sigma10k.firstPaintMs / vis10k.firstPaintMs).toFixed(2)}× vis-network`,
      met: sigma10k.firstPaintMs <= 1000,
    });
    goals.push({
      part: 'render',
      goal: 'fps at 10k ≥ 5× vis-network',
      measured: formatValue(sigma10k.fps, 'fps'),
      baseline: formatValue(vis10k.fps, 'fps (vis-network)'),
      ratio: `${(sigma10k.fps / vis10k.fps).toFixed(2)}×`,
      met: sigma10k.fps >= 5 * vis10k.fps,
    });
  }
  for (const s of all.filter((r) => r.library === 'sigma')) {
    const vis = get('vis-network', s.nodes);
    goals.push({
      part: 'render',
      goal: `no main-thread task > 50 ms during ForceAtlas2 (worker), ${s.nodes.toLocaleString('en-US')} nodes`,
      measured: formatValue(s.layoutLongestTaskMs, 'ms'),
      baseline: vis ? formatValue(vis.layoutLongestTaskMs, 'ms (vis-network physics)') : '',
      ratio: vis && vis.layoutLongestTaskMs > 0 ? `${(s.layoutLongestTaskMs / vis.layoutLongestTaskMs).toFixed(2)}×` : '',
      met: s.layoutLongestTaskMs <= 50,
    });
  }
  return { figures, goals };
}

/** A Neo4j holding the ingested corpus of `size` papers, for the API part when ingest did not run. */
async function loadedDb(size: number, seed: number, log: (l: string) => void): Promise<BenchDb> {
  const corpus = await ensureCorpus(size, seed);
  const bench = await startBenchDb();
  try {
    log(`api: ingesting ${corpus} for the API bench (not timed)`);
    const run = await runIngestCli([corpus], { NEO4J_URI: bench.db.uri });
    if (run.exitCode !== 0) throw new Error(`bench/run: ingest of ${corpus} exited with ${run.exitCode}:\n${run.output.slice(-2000)}`);
    return bench;
  } catch (err) {
    await bench.stop();
    throw err;
  }
}

export async function runBench(options: BenchOptions, log: (line: string) => void = (l) => console.error(l)): Promise<Results> {
  const started = new Date();
  const results: Results = {
    date: started.toISOString(),
    mode: options.quick ? 'quick' : 'full',
    options: { ...options },
    machine: machine(),
    figures: [],
    goals: [],
    notes: [],
    failures: [],
  };
  const has = (p: Part) => options.parts.includes(p);
  let kept: Pick<BenchDb, 'db' | 'stop'> | undefined;
  let keptSize = 0;
  try {
    if (has('ingest')) {
      const r = await runIngestBench({
        sizes: options.sizes,
        runs: options.runs,
        largeRuns: options.largeRuns,
        seed: options.seed,
        batchSize: options.batchSize,
        keepLast: has('api'),
        log,
      });
      results.figures.push(...r.figures);
      results.goals.push(...r.goals);
      results.notes.push(...r.notes);
      if (r.kept) {
        kept = r.kept.bench;
        keptSize = r.kept.size;
      }
    }
    if (has('api') || has('actions')) {
      const size = Math.max(...options.sizes);
      if (!kept && process.env.NEO4J_URI) {
        // A database built once and reused (e.g. the 100k corpus, which takes long to ingest): measured as it is.
        const db = await openDatabase({ ...dbConfig(), uri: process.env.NEO4J_URI });
        log(`api: measuring the database at NEO4J_URI as it is, taken to hold ${size} papers (--sizes)`);
        kept = { db, stop: () => db.close() };
        keptSize = size;
      }
      if (!kept) {
        kept = await loadedDb(size, options.seed, log);
        keptSize = size;
      }
      if (has('api')) {
        const r = await runApiBench({
          db: kept.db,
          size: keptSize,
          durationS: options.apiSeconds,
          warmupS: options.apiWarmupSeconds,
          connections: 20,
          log,
        });
        results.figures.push(...r.figures);
        results.goals.push(...r.goals);
        results.failures.push(...r.failures);
        results.notes.push(...r.notes);
      }
      if (has('actions')) {
        const r = await runActionsBench({
          db: kept.db,
          size: keptSize,
          runs: options.renderRuns,
          node: options.actionNode,
          actions: options.actions,
          log,
        });
        results.figures.push(...r.figures);
        results.goals.push(...r.goals);
        results.notes.push(...r.notes);
      }
    }
  } finally {
    await kept?.stop();
  }
  if (has('render')) {
    const all = await runRenderBench({
      sizes: options.renderSizes,
      runs: options.renderRuns,
      fpsMs: options.renderSeconds * 1000,
      layoutMs: options.renderSeconds * 1000,
      timeoutMs: 240_000,
      log,
    });
    const r = renderFigures(all);
    results.figures.push(...r.figures);
    results.goals.push(...r.goals);
    for (const t of all.filter((x) => x.timedOut)) results.notes.push(`render: ${t.library} at ${t.nodes} nodes timed out`);
  }
  if (has('db')) {
    const d = await measureDbStart(options.dbRuns);
    log(`db: cold start ${(d.coldMs / 1000).toFixed(2)} s, warm start ${(d.warmMs / 1000).toFixed(2)} s, ${d.rssMiB.toFixed(0)} MiB`);
    const f = (name: string, value: number, unit: string): Figure => ({
      key: figureKey('db', name),
      part: 'db',
      name,
      value,
      unit,
      better: 'lower',
      runs: d.runs,
    });
    results.figures.push(
      f('cold start to READY', d.coldMs / 1000, 's'),
      f('warm start to READY', d.warmMs / 1000, 's'),
      f('resident memory when ready', d.rssMiB, 'MiB'),
    );
  }
  if (has('readers')) {
    const r = await runReadersBench({ sizes: options.readerSizes, runs: options.runs, log });
    results.figures.push(...r.figures);
    results.goals.push(...r.goals);
    results.notes.push(...r.notes);
  }
  results.machine.loadAverage = machine().loadAverage;
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const t0 = performance.now();
  const results = await runBench(options);
  const path = resultsPath(new Date(results.date), results.mode);
  const previous = previousResults(path);
  if (options.write) writeResults(results, path);
  const m = results.machine;
  console.log(`\n## Benchmarks (${results.mode}, ${results.date.slice(0, 16).replace('T', ' ')} UTC)\n`);
  console.log(
    `Machine: ${m.nproc} cores, ${m.memoryGiB} GiB, ${m.cpu}, Node ${m.node}; load average at the end ${m.loadAverage.join(' / ')}.\n`,
  );
  console.log(toMarkdown(results, previous));
  if (previous) console.log(`\n"vs previous": change against ${previous.date} (${previous.mode}).`);
  for (const note of results.notes) console.log(`\nnote: ${note}`);
  console.log(`\n${options.write ? `wrote ${path}; ` : ''}total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (results.failures.length) {
    console.error(`\nbench: ${results.failures.length} check(s) failed:\n${results.failures.join('\n\n')}`);
    process.exit(1);
  }
}
