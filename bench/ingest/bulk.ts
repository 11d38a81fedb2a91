// The bulk first load in the ingest bench: `npm run ingest -- --bulk` as a child into a new bundled
// data directory of its own, with the phase times the CLI prints (extraction, CSV, import, finish:
// Neo4j start, schema, references, degrees, run record).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngestCli, type ChildRun } from './child.js';

export interface BulkRun extends ChildRun {
  nodes: number;
  relationships: number;
  extractS: number;
  csvS: number;
  importS: number;
  finishS: number;
  /** Nodes and relationships per second of the importer alone. */
  importRate: number;
  /** The topic step in memory before the CSV files are written. */
  topicsS: number;
  /** The finish's parts as the CLI prints them ("Neo4j start 12.3 s, schema 4.5 s, ..."). */
  finishSteps: string;
}

const COUNTS = /ingest --bulk: (\d+) nodes and (\d+) relationships written as CSV/;
const PHASES =
  /ingest --bulk: extraction ([\d.]+) s, CSV ([\d.]+) s, import ([\d.]+) s \((\d+) records\/s\), finish ([\d.]+) s, topics in memory ([\d.]+) s/;
const FINISH_STEPS = /ingest --bulk: finish steps: (.*)/;

export async function bulkLoad(corpus: string, port: number): Promise<BulkRun> {
  const dir = mkdtempSync(join(tmpdir(), 'methodgraph-bench-bulk-'));
  try {
    const env = {
      NEO4J_URI: '',
      METHODGRAPH_DB_DIR: join(dir, 'neo4j'),
      METHODGRAPH_DB_PORT: String(port),
      METHODGRAPH_DB_HEAP: '2g',
      METHODGRAPH_DB_PAGECACHE: '1g',
    };
    const run = await runIngestCli([corpus, '--bulk'], env);
    const counts = COUNTS.exec(run.output);
    const phases = PHASES.exec(run.output);
    if (run.exitCode !== 0 || !counts || !phases) {
      throw new Error(`bench/ingest/bulk: ingest --bulk of ${corpus} exited with ${run.exitCode}:\n${run.output.slice(-2000)}`);
    }
    return {
      ...run,
      nodes: Number(counts[1]),
      relationships: Number(counts[2]),
      extractS: Number(phases[1]),
      csvS: Number(phases[2]),
      importS: Number(phases[3]),
      importRate: Number(phases[4]),
      finishS: Number(phases[5]),
      topicsS: Number(phases[6]),
      finishSteps: FINISH_STEPS.exec(run.output)?.[1]?.trim() ?? '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
