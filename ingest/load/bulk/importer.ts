// The arguments of db/'s bulk import (Neo4j's offline importer) for CSV groups, which the bundled
// launcher runs before it starts Neo4j, or the equivalent `neo4j-admin database import full`
// command for a Neo4j the user runs themselves.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARRAY_DELIMITER_OPTION } from './csv.js';
import type { CsvGroup } from './collector.js';

export interface ImportRequest {
  groups: CsvGroup[];
  multiline: boolean;
  /** Replace an existing (empty) store of the default database. */
  overwrite: boolean;
}

export class BulkImportError extends Error {
  override name = 'BulkImportError';
}

/** What db/'s BulkImport refuses or fails with starts with this (its other output is the importer's progress). */
export const IMPORT_FAILURE_PREFIX = 'methodgraph-db bulk: ';
/** The launcher prints this line once the import is done, before Neo4j starts. */
export const IMPORTED_LINE = 'IMPORTED';

/** BulkImport's arguments but --data (the launcher's data directory), one a line. */
export function importArguments(request: ImportRequest): string[] {
  const args = ['--array-delimiter', ARRAY_DELIMITER_OPTION];
  if (request.multiline) args.push('--multiline');
  if (request.overwrite) args.push('--overwrite');
  for (const g of request.groups) args.push(g.kind === 'nodes' ? '--nodes' : '--relationships', g.files.join(','));
  return args;
}

/** Writes the arguments for the launcher's --bulk-import FILE into `dir`; returns the launcher arguments. */
export function launcherImportArgs(dir: string, request: ImportRequest): string[] {
  const file = join(dir, 'bulk-import.args');
  writeFileSync(file, `${importArguments(request).join('\n')}\n`);
  return ['--bulk-import', file];
}

/** The importer's reason when the launcher's output holds one (a refusal or a failed import). */
export function importFailure(output: string): string | undefined {
  const reasons = output
    .split('\n')
    .filter((l) => l.startsWith(IMPORT_FAILURE_PREFIX))
    .map((l) => l.slice(IMPORT_FAILURE_PREFIX.length));
  return reasons.length > 0 ? reasons.join('\n') : undefined;
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
