// `npm run ingest -- [files...] [options]`: reads paper files (default: the bundled corpus), extracts
// the graph and loads it into Neo4j, or with --dry-run --json writes the graph without any database.
import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { parseCommandLine, UsageError, wholeNumber } from './cli-args.js';
import cliProgress from 'cli-progress';
import { closeOnSignals, openDatabase, type Database } from '../src/neo4j/driver.js';
import type { WireGraph } from '../src/shared/graph.js';
import { DEFAULT_BATCH_SIZE, formatCounts, getRun, listRuns, totals, undoRun, type IngestRunRecord } from './load/index.js';
import { bulkIngest, BulkRefusedError } from './load/bulk/index.js';
import { finishBulkRun } from './cli-bulk.js';
import { RUN_ID } from './load/run-id.js';
import { defaultWorkers } from './extract/workers/pool.js';
import { DEFAULT_CORPUS, ingest, type IngestOptions, type IngestProgress, type IngestSummary } from './run.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from './sources/index.js';
import type { SourceIssue } from './types.js';

export const EXIT = { ok: 0, rejected: 1, usage: 2, failure: 3 } as const;
const MAX_PRINTED_ISSUES = 50;

export const HELP = `Usage: npm run ingest -- [files...] [options]

Reads paper records, extracts methods, architectures, datasets, code and BUILDS_ON lineage,
and loads them into Neo4j (NEO4J_URI, or the bundled Neo4j when unset).
With no files, ingests the default corpus (${DEFAULT_CORPUS}).

Formats (detected by name and content): ${FORMAT_NAMES.join(', ')}.

Options:
  --format F        read every file as format F
  --dry-run         extract only; touch no database (Neo4j is not started)
  --json FILE|-     write the extracted graph in the wire format to FILE (- for stdout)
  --reset           delete the whole graph before loading (asks first unless --yes)
  --yes             do not ask for confirmation
  --strict          validate every file first; write nothing if any record is rejected
  --batch-size N    rows per write transaction (default ${DEFAULT_BATCH_SIZE})
  --workers N       extraction threads, this one included (default: one per core, here ${defaultWorkers()}, from the 1,000th paper on; 1 = no worker threads)
  --runs            list the ingest runs stored in the database, oldest first, with their counts
  --undo RUN        take back what run RUN brought (what other runs also wrote stays)
  --bulk            load through Neo4j's offline importer; only into an empty database. With NEO4J_URI
                    set, writes the importer's CSV files and prints the neo4j-admin command instead
  --bulk-finish DIR after importing --bulk's files into your own Neo4j (NEO4J_URI): apply the schema,
                    record the run and attach its code links
  -h, --help        show this help

Every ingest is recorded as a run; names and references it cannot resolve wait in the database
and are linked when a later ingest brings what they name.

Exit codes: 0 all records loaded, 1 some records or files rejected, 2 bad usage, 3 failure.`;

export interface CliOptions {
  files: string[];
  format?: FormatName;
  dryRun: boolean;
  json?: string;
  reset: boolean;
  yes: boolean;
  strict: boolean;
  batchSize: number;
  /** Extraction workers; undefined = one per core. */
  workers?: number;
  bulk?: boolean;
  bulkFinish?: string;
  help: boolean;
  runs: boolean;
  undo?: string;
}

/** Parses and validates the command line; throws UsageError with a message that says what to do. */
export function parseCli(argv: string[]): CliOptions {
  const parsed = parseCommandLine(argv, {
    format: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'string' },
    reset: { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    'batch-size': { type: 'string' },
    workers: { type: 'string' },
    bulk: { type: 'boolean', default: false },
    'bulk-finish': { type: 'string' },
    runs: { type: 'boolean', default: false },
    undo: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const v = parsed.values;
  const options: CliOptions = {
    files: parsed.positionals,
    dryRun: v['dry-run'] === true,
    reset: v.reset === true,
    yes: v.yes === true,
    strict: v.strict === true,
    batchSize: DEFAULT_BATCH_SIZE,
    help: v.help === true,
    runs: v.runs === true,
    bulk: v.bulk === true,
  };
  if (v.undo !== undefined) {
    if (!RUN_ID.test(v.undo))
      throw new UsageError(`--undo "${v.undo}" is not a run id (like 20261201T204512Z-3fa9); list the runs with --runs`);
    options.undo = v.undo;
  }
  if (options.runs || options.undo) {
    const which = options.runs ? '--runs' : '--undo';
    if (options.runs && options.undo) throw new UsageError('--runs lists the runs and --undo takes one back; use one at a time');
    const other = [
      parsed.positionals.length ? 'files' : '',
      options.bulk ? '--bulk' : '',
      v.format !== undefined ? '--format' : '',
      options.dryRun ? '--dry-run' : '',
      v.json !== undefined ? '--json' : '',
      options.reset ? '--reset' : '',
      options.strict ? '--strict' : '',
    ].filter(Boolean);
    if (other.length) throw new UsageError(`${which} reads no files; leave out ${other.join(', ')}`);
  }
  if (v.format !== undefined) {
    if (!isFormatName(v.format)) throw new UsageError(`--format "${v.format}" is not a format; use one of ${FORMAT_NAMES.join(', ')}`);
    options.format = v.format;
  }
  if (v.json !== undefined) {
    if (v.json === '') throw new UsageError('--json needs a file name, or - for stdout');
    options.json = v.json;
  }
  if (v['batch-size'] !== undefined) {
    options.batchSize = wholeNumber('--batch-size', v['batch-size'], 1, 100_000);
  }
  if (v.workers !== undefined) {
    options.workers = wholeNumber('--workers', v.workers, 1, 256, ' (1 extracts without worker threads)');
  }
  if (options.bulk && (options.dryRun || options.reset)) {
    throw new UsageError('--bulk fills a new, empty database; it cannot be combined with --dry-run or --reset');
  }
  if (v['bulk-finish'] !== undefined) {
    if (parsed.positionals.length || options.bulk || options.dryRun || options.reset) {
      throw new UsageError('--bulk-finish DIR finishes an import done earlier; leave out files, --bulk, --dry-run and --reset');
    }
    options.bulkFinish = v['bulk-finish'];
  }
  if (options.dryRun && options.reset)
    throw new UsageError('--reset deletes the stored graph and --dry-run touches no database; use one or the other');
  for (const file of options.files) {
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    if (statSync(file).isDirectory()) throw new UsageError(`${file} is a directory; name the files inside it`);
  }
  return options;
}

/** "ingest/sources/bibtex: refs.bib entry 12 (line 88): missing title". */
export function formatIssue(issue: SourceIssue): string {
  const m = /^(ingest\/[\w/-]+): (.*)$/s.exec(issue.reason);
  const [module, reason] = m ? [m[1], m[2]] : ['ingest', issue.reason];
  const where = issue.position === 'file' ? issue.file : `${issue.file} ${issue.position}`;
  return `${module}: ${where}: ${reason}`;
}

/** The runs as a plain-text table. */
export function formatRuns(runs: IngestRunRecord[]): string {
  if (runs.length === 0) return 'ingest: no ingest runs are recorded in this database';
  const header = ['run', 'status', 'started', 'finished', 'records', 'new nodes', 'new relationships', 'files'];
  const rows = runs.map((r) => [
    r.id,
    r.status,
    r.startedAt,
    r.finishedAt ?? '',
    String(r.records ?? ''),
    String(r.nodesCreated ?? ''),
    String(r.relationshipsCreated ?? ''),
    (r.files ?? []).join(', '),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return all.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

/** --runs and --undo: returns the exit code. */
async function manageRuns(options: CliOptions): Promise<number> {
  const db = await openDatabase();
  try {
    if (options.runs) {
      process.stdout.write(`${formatRuns(await listRuns(db))}\n`);
      return EXIT.ok;
    }
    const run = await getRun(db, options.undo!);
    if (!run) {
      process.stderr.write(`ingest: no ingest run "${options.undo}" in this database; list the runs with npm run ingest -- --runs\n`);
      return EXIT.usage;
    }
    const undone = await undoRun(db, options.undo!);
    process.stdout.write(
      `ingest: undid run ${undone.run} (${run.files.join(', ')}): ${undone.nodesDeleted} node(s) and ${undone.relationshipsDeleted} relationship(s) removed; what other runs also wrote stays\n`,
    );
    return EXIT.ok;
  } catch (err) {
    process.stderr.write(`ingest: failed: ${(err as Error).message}\n`);
    return EXIT.failure;
  } finally {
    await db.close();
  }
}

/** Streams the graph as wire-format JSON (never one giant string). */
async function writeGraph(graph: WireGraph, target: string): Promise<void> {
  const out = target === '-' ? process.stdout : createWriteStream(target);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"nodes":[');
  for (const [i, n] of graph.nodes.entries()) await write(`${i ? ',' : ''}\n${JSON.stringify(n)}`);
  await write('\n],"edges":[');
  for (const [i, e] of graph.edges.entries()) await write(`${i ? ',' : ''}\n${JSON.stringify(e)}`);
  await write('\n]}\n');
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
}

async function confirmReset(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      'ingest: --reset deletes every node and relationship in the database before loading. Type "yes" to continue: ',
    );
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

function progressBar(enabled: boolean) {
  if (!enabled)
    return { update: (_p: IngestProgress) => {}, stop: () => {}, print: (line: string) => void process.stderr.write(`${line}\n`) };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'ingest {bar} {value}/{total} files | {records} records | {rejected} rejected | {batches} batches | {phase}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: IngestProgress) {
      const payload = { records: p.records, rejected: p.rejected, batches: p.batches, phase: p.phase };
      if (!started) {
        bar.start(p.files, 0, payload);
        started = true;
      }
      bar.update(p.phase === 'finish' ? p.files : Math.max(0, p.fileIndex), payload);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
    /** Writes a line above the bar (the bar redraws on its next update). */
    print(line: string) {
      process.stderr.write(started ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
  };
}

function report(summary: IngestSummary, options: CliOptions, out: NodeJS.WritableStream): void {
  const lines: string[] = [];
  const seconds = (summary.timings.totalMs / 1000).toFixed(2);
  lines.push(
    `ingest: ${summary.records} record(s) from ${summary.files.length} file(s), ${summary.rejected} rejected, ${seconds} s${options.dryRun ? ' (dry run: nothing written)' : ''}`,
  );
  if (summary.taxonomy)
    lines.push(`ingest: taxonomy extended with ${summary.taxonomy.added} new and ${summary.taxonomy.merged} merged method(s)`);
  if (summary.codeLinks.read) {
    lines.push(
      `ingest: ${summary.codeLinks.read} code link(s), ${summary.codeLinks.attached} attached, ${summary.codeLinks.unmatched} matched no paper`,
    );
  }
  if (summary.run) lines.push(`ingest: run ${summary.run} (undo with npm run ingest -- --undo ${summary.run})`);
  if (summary.references && (summary.references.stored || summary.references.links)) {
    lines.push(
      `ingest: ${summary.references.stored} reference(s) this run could not resolve are kept as pending; pending references made ${summary.references.links} link(s)`,
    );
  }
  if (summary.refused) {
    lines.push(`ingest: ${summary.refused}`);
  } else {
    lines.push(formatCounts(summary.counts, options.dryRun));
    const t = totals(summary.counts);
    if (!options.dryRun && summary.timings.totalMs > 0) {
      lines.push(
        `ingest: ${t.nodes.created + t.nodes.present} node rows and ${t.relationships.created + t.relationships.present} relationship rows in ${summary.counts.batches} batch(es)`,
      );
    }
  }
  out.write(`${lines.join('\n')}\n`);
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ingest: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  if (options.runs || options.undo) return manageRuns(options);
  if (options.reset && !options.yes) {
    if (!process.stdin.isTTY) {
      process.stderr.write('ingest: --reset deletes the whole graph; with no terminal to confirm on, add --yes to do it anyway\n');
      return EXIT.usage;
    }
    if (!(await confirmReset())) {
      process.stderr.write('ingest: not confirmed; nothing was changed\n');
      return EXIT.usage;
    }
  }

  const summaryOut = options.json === '-' ? process.stderr : process.stdout;
  const bar = progressBar(process.stderr.isTTY === true);
  let printed = 0;
  let db: Database | undefined;
  try {
    if (options.bulkFinish) {
      process.stdout.write(`${await finishBulkRun(options.bulkFinish)}\n`);
      return EXIT.ok;
    }
    const bulk = !options.dryRun && options.bulk === true;
    if (!options.dryRun && !bulk) {
      db = await openDatabase();
      closeOnSignals(async () => {
        bar.stop();
        await db?.close();
      });
    }
    const load = bulk ? (o: IngestOptions) => bulkIngest({ ...o, onStep: (l) => bar.print(l) }) : (o: IngestOptions) => ingest(db, o);
    const summary = await load({
      files: options.files,
      format: options.format,
      dryRun: options.dryRun,
      collectGraph: options.json !== undefined,
      strict: options.strict,
      reset: options.reset,
      batchSize: options.batchSize,
      workers: options.workers,
      onProgress: (p) => bar.update(p),
      onIssue: (issue) => {
        printed += 1;
        if (printed <= MAX_PRINTED_ISSUES) bar.print(formatIssue(issue));
        else if (printed === MAX_PRINTED_ISSUES + 1) bar.print('ingest: more problems follow; only the first 50 are shown');
      },
      onWarning: (message) => bar.print(message),
    });
    bar.stop();
    if (options.json !== undefined && summary.graph && !summary.refused) await writeGraph(summary.graph, options.json);
    report(summary, options, summaryOut);
    return summary.rejected > 0 ? EXIT.rejected : EXIT.ok;
  } catch (err) {
    bar.stop();
    if (err instanceof BulkRefusedError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`ingest: failed: ${(err as Error).message}\n`);
    return EXIT.failure;
  } finally {
    await db?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`ingest: failed: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exit(EXIT.failure);
    },
  );
}
