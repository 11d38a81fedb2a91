// What the bulk ingest hands the bundled launcher (--bulk-import FILE: BulkImport's arguments, one a
// line) and how it reads the importer's refusal back out of the launcher's output.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArguments, importFailure, launcherImportArgs } from '../../../../ingest/load/bulk/importer.js';
import type { CsvGroup } from '../../../../ingest/load/bulk/collector.js';

const groups: CsvGroup[] = [
  { kind: 'nodes', files: ['/csv/nodes-Paper-0.csv'], rows: 2 },
  { kind: 'relationships', files: ['/csv/rel-CITES-header.csv', '/csv/rel-CITES.csv'], rows: 1 },
];

describe('ingest/load/bulk/importer', () => {
  describe('#importArguments', () => {
    it('should name every group once, header file first, with the list delimiter and the flags asked for', () => {
      expect(importArguments({ groups, multiline: true, overwrite: false })).toEqual([
        '--array-delimiter',
        'U+001F',
        '--multiline',
        '--nodes',
        '/csv/nodes-Paper-0.csv',
        '--relationships',
        '/csv/rel-CITES-header.csv,/csv/rel-CITES.csv',
      ]);
      expect(importArguments({ groups: [], multiline: false, overwrite: true })).toEqual(['--array-delimiter', 'U+001F', '--overwrite']);
    });
  });

  describe('#launcherImportArgs', () => {
    it('should write the arguments one a line and point the launcher at that file', () => {
      const dir = mkdtempSync(join(tmpdir(), 'methodgraph-import-args-'));
      try {
        const args = launcherImportArgs(dir, { groups, multiline: false, overwrite: false });
        expect(args).toEqual(['--bulk-import', join(dir, 'bulk-import.args')]);
        expect(readFileSync(args[1]!, 'utf8').split('\n').filter(Boolean)).toEqual(
          importArguments({ groups, multiline: false, overwrite: false }),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('#importFailure', () => {
    it("should return the importer's reason and nothing for its progress", () => {
      const output = ['Neo4j version: 5.26.30', 'methodgraph-db bulk: database "neo4j" already exists in /d', 'IMPORT DONE'].join('\n');
      expect(importFailure(output)).toBe('database "neo4j" already exists in /d');
      expect(importFailure('Node import COMPLETED in 1s\nIMPORTED\nREADY bolt://127.0.0.1:7687')).toBeUndefined();
    });
  });
});
