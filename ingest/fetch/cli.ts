// `npm run fetch -- <source> <query|id> [options]`: fetches papers into a cached JSONL file with a
// progress bar (Ctrl-C stops cleanly; the next identical run resumes from the cache), then ingests it.
import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import { closeOnSignals, openDatabase, type Database } from '../../src/neo4j/driver.js';
import { formatIssue } from '../cli.js';
import { formatCounts } from '../load/index.js';
import { ingest } from '../run.js';
import { UsageError } from '../cli-args.js';
import { HELP, parseFetchCli, type FetchCliOptions } from './args.js';
import { fetchPapers, type FetchResult } from './run.js';
import { EmptyResultError, FetchAbortedError, FetchError, type FetchProgress } from './types.js';

/** Exit codes: nothing matched and records rejected share 1, as in `npm run ingest`. */
export const EXIT = { ok: 0, empty: 1, rejected: 1, usage: 2, failure: 3, interrupted: 130 } as const;
const MAX_PRINTED_ISSUES = 50;

interface Bar {
  update(p: FetchProgress): void;
  stop(): void;
  print(line: string): void;
}

function progressBar(source: string, enabled: boolean): Bar {
  const print = (line: string) => void process.stderr.write(`${line}\n`);
  if (!enabled) return { update: () => {}, stop: () => {}, print };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `fetch ${source} {bar} {value}/{total} pages | {records} records | {cached} from cache`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const payload = { records: p.records, cached: p.cachedPages };
      // Without a known total (Semantic Scholar lists, the first page) one more page is expected.
      const total = Math.max(p.totalPages ?? p.pages + 1, p.pages, 1);
      if (!started) {
        bar.start(total, p.pages, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(p.pages, payload);
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
    print(line) {
      process.stderr.write(started ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
  };
}

function describeFetch(result: FetchResult): string {
  const from = result.requests === 0 ? 'all from the cache' : `${result.requests} request(s), ${result.cachedPages} page(s) from the cache`;
  return `fetch: ${result.records} paper(s) from ${result.source} in ${result.pages} page(s) (${from})\nfetch: wrote ${result.path}`;
}

async function runIngest(options: FetchCliOptions, path: string, bar: Bar): Promise<number> {
  let db: Database | undefined;
  let printed = 0;
  try {
    if (!options.dryRun) {
      db = await openDatabase();
      closeOnSignals(async () => {
        await db?.close();
      });
    }
    const summary = await ingest(db, {
      files: [path],
      dryRun: options.dryRun,
      onIssue: (issue) => {
        printed += 1;
        if (printed <= MAX_PRINTED_ISSUES) bar.print(formatIssue(issue));
      },
      onWarning: (message) => bar.print(message),
    });
    const seconds = (summary.timings.totalMs / 1000).toFixed(2);
    process.stdout.write(
      `ingest: ${summary.records} record(s), ${summary.rejected} rejected, ${seconds} s${options.dryRun ? ' (dry run: nothing written)' : ''}\n${formatCounts(summary.counts, options.dryRun)}\n`,
    );
    return summary.rejected > 0 ? EXIT.rejected : EXIT.ok;
  } finally {
    await db?.close();
  }
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let options: FetchCliOptions;
  try {
    options = parseFetchCli(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`fetch: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  const bar = progressBar(options.source, process.stderr.isTTY === true);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigint);
  let result: FetchResult;
  try {
    result = await fetchPapers({
      source: options.source,
      query: options.query,
      max: options.max,
      references: options.references,
      citations: options.citations,
      depth: options.depth,
      refresh: options.refresh,
      signal: controller.signal,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      onProgress: (p) => bar.update(p),
      onRetry: (ms, reason) => bar.print(`fetch: ${reason}; waiting ${(ms / 1000).toFixed(1)} s before trying again`),
      onWarning: (message) => bar.print(message),
    });
  } catch (err) {
    bar.stop();
    if (err instanceof FetchAbortedError) {
      process.stderr.write('fetch: interrupted; the pages fetched so far are cached: run the same command again to resume\n');
      return EXIT.interrupted;
    }
    if (err instanceof EmptyResultError) {
      process.stderr.write(`fetch: ${err.message}\n`);
      return EXIT.empty;
    }
    process.stderr.write(`fetch: ${err instanceof FetchError ? err.message : `failed: ${(err as Error).message}`}\n`);
    return EXIT.failure;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
  bar.stop();
  process.stdout.write(`${describeFetch(result)}\n`);
  if (!options.ingest) return EXIT.ok;
  try {
    return await runIngest(options, result.path, bar);
  } catch (err) {
    process.stderr.write(
      `fetch: the papers were fetched (${result.path}) but the ingest failed: ${(err as Error).message}; run npm run ingest -- ${result.path} once the database is reachable\n`,
    );
    return EXIT.failure;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`fetch: failed: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exit(EXIT.failure);
    },
  );
}
