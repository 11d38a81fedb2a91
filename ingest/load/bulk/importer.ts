// Runs db/'s BulkImport (Neo4j's offline importer) on CSV groups, or spells out the equivalent
// `neo4j-admin database import full` command for a Neo4j the user runs themselves.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { jvmArgs } from '../../../src/neo4j/bundled.js';
import { dbDir } from '../../../src/neo4j/paths.js';
import { ARRAY_DELIMITER_OPTION } from './csv.js';
import type { CsvGroup } from './collector.js';

const jar = join(dbDir, 'target', 'methodgraph-db.jar');
const lib = join(dbDir, 'target', 'lib', '*');

export interface ImportRequest {
  dataDir: string;
  groups: CsvGroup[];
  multiline: boolean;
  /** Replace an existing (empty) store of the default database. */
  overwrite: boolean;
  heap: string;
  /** Receives the importer's progress output, line by line. */
  onOutput?: (line: string) => void;
}

export class BulkImportError extends Error {
  override name = 'BulkImportError';
}

export function importerArgs(request: ImportRequest): string[] {
  const args = [...jvmArgs(request.heap), '-cp', `${jar}:${lib}`, 'methodgraph.db.BulkImport', '--data', request.dataDir];
  args.push('--array-delimiter', ARRAY_DELIMITER_OPTION);
  if (request.multiline) args.push('--multiline');
  if (request.overwrite) args.push('--overwrite');
  for (const g of request.groups) args.push(g.kind === 'nodes' ? '--nodes' : '--relationships', g.files.join(','));
  return args;
}

/** Runs the import to completion; rejects with the importer's own reason. */
export function runImport(request: ImportRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', importerArgs(request), { stdio: ['ignore', 'pipe', 'pipe'] });
    const errors: string[] = [];
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) request.onOutput?.(line);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', (chunk: Buffer) => {
      forward(chunk);
      errors.push(chunk.toString('utf8'));
      if (errors.length > 50) errors.shift();
    });
    child.once('error', (err) => reject(new BulkImportError(`ingest/load/bulk: could not start java: ${err.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      const said = errors.join('').trim().split('\n');
      const reason = said.filter((l) => l.startsWith('methodgraph-db bulk: ')).map((l) => l.slice('methodgraph-db bulk: '.length));
      const text = reason.length ? reason.join('\n') : said.slice(-8).join('\n') || '(no output)';
      reject(new BulkImportError(`ingest/load/bulk: the import into ${request.dataDir} failed (${signal ?? `exit ${code}`}): ${text}`));
    });
  });
}

const shellQuote = (s: string) => (/^[\w./:=,+-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);

/** The neo4j-admin command that imports the groups into `database` of a stopped Neo4j server. */
export function adminCommand(groups: CsvGroup[], multiline: boolean, database: string): string {
  const parts = [
    'neo4j-admin database import full',
    '--id-type=string',
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    `--multiline-fields=${multiline}`,
    '--ignore-empty-strings=false',
    ...groups.map((g) => shellQuote(`--${g.kind}=${g.files.join(',')}`)),
    shellQuote(database),
  ];
  return parts.join(' \\\n  ');
}
