// The ingest CLI as a user runs it (child processes): flag validation, --dry-run --json without any
// database, loading into the test Neo4j, exit codes for rejected records, --strict and --reset.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { UsageError } from '../../ingest/cli-args.js';
import { formatIssue, parseCli } from '../../ingest/cli.js';
import type { Database } from '../../src/neo4j/driver.js';
import type { WireGraph } from '../../src/shared/graph.js';
import { emptyDatabase, freshTestDatabase } from '../helpers/db.js';
import { scalar, snapshot } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'ingest');
const f = (name: string) => join(fixtures, name);
const tmp = mkdtempSync(join(tmpdir(), 'methodgraph-cli-'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx ingest/cli.ts` with the given environment (no TTY: stdin is a closed pipe). */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'ingest', 'cli.ts'), ...args], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** An environment in which touching a database would fail: no NEO4J_URI and no java on PATH. */
function noDatabaseEnv(dbDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: '/nonexistent', METHODGRAPH_DB_DIR: dbDir };
  delete env.NEO4J_URI;
  return env;
}

let db: Database;
let dbEnv: NodeJS.ProcessEnv;
beforeAll(async () => {
  db = await freshTestDatabase();
  dbEnv = { ...process.env, NEO4J_URI: inject('neo4jUri') };
});
afterAll(async () => {
  await db?.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(async () => emptyDatabase(db));

describe('ingest/cli', () => {
  describe('#parseCli', () => {
    it('should accept files and every option', () => {
      expect(parseCli([f('papers.json'), '--format', 'json', '--dry-run', '--json', '-', '--strict', '--batch-size', '250'])).toMatchObject(
        {
          files: [f('papers.json')],
          format: 'json',
          dryRun: true,
          json: '-',
          strict: true,
          batchSize: 250,
          reset: false,
        },
      );
      expect(parseCli([]).batchSize).toBe(5000);
      expect(parseCli([]).workers).toBeUndefined();
      expect(parseCli(['--workers', '1']).workers).toBe(1);
      expect(parseCli(['--workers', '3']).workers).toBe(3);
      expect(parseCli(['--runs'])).toMatchObject({ runs: true, files: [] });
      expect(parseCli(['--undo', '20261201T204512Z-3fa9'])).toMatchObject({ runs: false, undo: '20261201T204512Z-3fa9' });
    });

    it('should refuse bad flags with a message that says what to do', () => {
      const cases: [string[], RegExp][] = [
        [['--bogus'], /Unknown option '--bogus'; see --help/],
        [['--format', 'word'], /--format "word" is not a format; use one of listing, json, jsonl/],
        [['--batch-size', '0'], /--batch-size "0" must be a whole number from 1 to 100000/],
        [['--batch-size', '12abc'], /--batch-size "12abc"/],
        [['--workers', '0'], /--workers "0" must be a whole number from 1 to 256 \(1 extracts without worker threads\)/],
        [['--workers', 'all'], /--workers "all"/],
        [['--dry-run', '--reset'], /use one or the other/],
        [['/no/such/file.json'], /no such file: \/no\/such\/file.json/],
        [[fixtures], /is a directory/],
        [['--json'], /argument missing/],
        [['--undo', 'yesterday'], /--undo "yesterday" is not a run id \(like 20261201T204512Z-3fa9\); list the runs with --runs/],
        [['--runs', '--undo', '20261201T204512Z-3fa9'], /use one at a time/],
        [['--runs', f('papers.json'), '--strict'], /--runs reads no files; leave out files, --strict/],
      ];
      for (const [args, message] of cases) {
        expect(() => parseCli(args), args.join(' ')).toThrow(UsageError);
        expect(() => parseCli(args), args.join(' ')).toThrow(message);
      }
    });
  });

  describe('#formatIssue', () => {
    it('should name the module, the file, the position and the reason', () => {
      expect(formatIssue({ file: 'refs.bib', position: 'entry 12 (line 88)', reason: 'ingest/sources/bibtex: missing title' })).toBe(
        'ingest/sources/bibtex: refs.bib entry 12 (line 88): missing title',
      );
      expect(formatIssue({ file: 'x.json', position: 'file', reason: 'ingest/sources/detect: empty file' })).toBe(
        'ingest/sources/detect: x.json: empty file',
      );
    });
  });

  // Each case starts the CLI in a child process (tens of seconds on a shared machine).
  describe('#main', { timeout: 300_000 }, () => {
    it('should write the wire-format graph with --dry-run --json and never start a database', async () => {
      const dbDir = join(tmp, 'never-created');
      const out = join(tmp, 'graph.json');
      const run = await cli(['--dry-run', '--json', out], noDatabaseEnv(dbDir));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(existsSync(dbDir)).toBe(false);
      expect(run.stdout).toMatch(/^ingest: 70 record\(s\) from 1 file\(s\), 0 rejected, [\d.]+ s \(dry run: nothing written\)/);
      expect(run.stdout).toMatch(/\n {2}Paper +70 +0\n/);
      const graph = JSON.parse(readFileSync(out, 'utf8')) as WireGraph;
      expect(Object.keys(graph)).toEqual(['nodes', 'edges']);
      for (const n of graph.nodes) {
        expect(Object.keys(n)).toEqual(['id', 'label', 'name', 'properties']);
        if (['Method', 'Architecture', 'Dataset'].includes(n.label)) expect(Array.isArray(n.properties.aliases)).toBe(true);
        if (n.label === 'Paper') expect(n.name).toBe(n.properties.title);
        if (n.label === 'Repository') expect(n.name).toBe(n.properties.url);
      }
      for (const e of graph.edges) expect(Object.keys(e)).toEqual(['id', 'type', 'source', 'target', 'properties']);
      expect(graph.nodes.filter((n) => n.label === 'Repository')).toHaveLength(11);
      expect(graph.edges.some((e) => e.type === 'BUILDS_ON' && typeof e.properties.evidence === 'string')).toBe(true);
      expect(await scalar(db, 'MATCH (n) WHERE NOT n:GraphSummary RETURN count(n)')).toBe(0);
    });

    it('should write the JSON to stdout with --json - and the summary to stderr', async () => {
      const run = await cli(['--dry-run', '--json', '-', f('papers.json')], noDatabaseEnv(join(tmp, 'x')));
      expect(run.code).toBe(0);
      const graph = JSON.parse(run.stdout) as WireGraph;
      expect(graph.nodes.filter((n) => n.label === 'Paper').map((n) => n.name)).toContain('Matryoshka Representation Learning');
      expect(run.stderr).toMatch(/^ingest: 3 record\(s\)/);
    });

    it('should exit 2 on bad usage without touching the database', async () => {
      const env = noDatabaseEnv(join(tmp, 'y'));
      for (const args of [['--bogus'], ['--batch-size', 'lots']]) {
        const run = await cli(args, env);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr).toMatch(/^ingest: /);
      }
      const reset = await cli(['--reset'], env);
      expect(reset.code).toBe(2);
      expect(reset.stderr).toBe('ingest: --reset deletes the whole graph; with no terminal to confirm on, add --yes to do it anyway\n');
      expect(existsSync(join(tmp, 'y'))).toBe(false);
    });

    it('should load files into Neo4j and exit 0, then 1 with named problems when records are rejected', async () => {
      const ok = await cli([f('papers.json'), f('arxiv.xml')], dbEnv);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/already present/);
      expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe(5);

      const bad = await cli([f('broken/bad-records.json')], dbEnv);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(
        `ingest/sources/json: ${f('broken/bad-records.json')} record 2: missing title; every paper needs a title`,
      );
      expect(bad.stderr).toContain('record 3: duplicate id "ok-1"');
      expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe(7);
    });

    it('should list the runs with --runs and undo one with --undo', { timeout: 300_000 }, async () => {
      const a = f('incremental/a.json');
      const first = await cli([a], dbEnv);
      expect(first.code).toBe(0);
      const before = await snapshot(db, { withRuns: true });
      const second = await cli([a, f('incremental/b.json')], dbEnv);
      const run = /ingest: run (\S+) \(undo with npm run ingest -- --undo \1\)/.exec(second.stdout)?.[1];
      expect(run).toBeDefined();

      const list = await cli(['--runs'], dbEnv);
      expect(list.code).toBe(0);
      const lines = list.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^run +status +started +finished +records +new nodes +new relationships +files$/);
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(new RegExp(`^${run} +finished .* a\\.json, b\\.json$`));

      const undo = await cli(['--undo', run!], dbEnv);
      expect(undo.stderr).toBe('');
      expect(undo.code).toBe(0);
      expect(undo.stdout).toMatch(
        new RegExp(`^ingest: undid run ${run} \\(a\\.json, b\\.json\\): \\d+ node\\(s\\) and \\d+ relationship\\(s\\) removed`),
      );
      expect(await snapshot(db, { withRuns: true })).toEqual(before);
      const again = await cli(['--undo', run!], dbEnv);
      expect(again.code).toBe(2);
      expect(again.stderr).toBe(`ingest: no ingest run "${run}" in this database; list the runs with npm run ingest -- --runs\n`);
    });

    it('should write nothing with --strict when a record is bad, and reset with --yes', async () => {
      await cli([f('papers.json')], dbEnv);
      const before = await snapshot(db);
      const strict = await cli(['--strict', f('papers.jsonl'), f('broken/bad-records.json')], dbEnv);
      expect(strict.code).toBe(1);
      expect(strict.stdout).toMatch(/--strict: 3 problem\(s\) found; nothing was written/);
      expect(await snapshot(db)).toEqual(before);

      const reset = await cli(['--reset', '--yes', f('papers.jsonl')], dbEnv);
      expect(reset.code).toBe(0);
      expect(await scalar(db, 'MATCH (p:Paper) RETURN count(p)')).toBe(3);
    });
  });
});
