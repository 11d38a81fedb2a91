// Integration tests of the bundled Neo4j launcher against Neo4j processes of its own (not the test
// run's): restarts, LOAD CSV confinement, clear failures, authentication, a bulk import before the start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbConfig, type BundledDbConfig } from '../../src/neo4j/config.js';
import { launcherArgs, startBundledDb, type RunningDb } from '../../src/neo4j/bundled.js';
import { openDatabase } from '../../src/neo4j/driver.js';
import { ownBundledConfig, QUICK_START_JVM } from '../helpers/db.js';
import { freePort } from '../helpers/ports.js';

/** Runs the launcher to completion and returns its exit code and stderr. */
/** Launchers a test started; a test that times out before its launcher exits leaves it to afterAll. */
const launched = new Set<ChildProcess>();

function runLauncher(config: BundledDbConfig): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('java', launcherArgs(config, false), { stdio: ['ignore', 'pipe', 'pipe'] });
    launched.add(child);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => {
      launched.delete(child);
      resolve({ code, stderr });
    });
  });
}

describe('db/bundled launcher', () => {
  let dataDir: string;
  let config: BundledDbConfig;
  let running: RunningDb | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-launcher-'));
    config = ownBundledConfig(dataDir, await freePort());
  });
  afterAll(async () => {
    for (const child of launched) child.kill('SIGKILL');
    await running?.stop();
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  // One Neo4j on the directory serves these tests (a start costs half a minute on a busy machine);
  // the restart test leaves it running again for the ones after it.
  describe('while a Neo4j runs on the directory', () => {
    beforeAll(async () => {
      running = await startBundledDb(config);
    });
    afterAll(async () => {
      await running?.stop();
      running = undefined;
    });

    // A stop and a start: more than a minute when the machine is busy (at load 20 it timed out at 60 s).
    it('should keep data across a restart on the same directory', { timeout: 300_000 }, async () => {
      const first = await openDatabase({ ...dbConfig(), uri: running!.uri });
      await first.driver.executeQuery("CREATE (:Paper {id: 'paper:survivor', title: 'Survivor'})", {}, { database: first.database });
      await first.close();
      await running!.stop();

      running = await startBundledDb(config);
      // The Java process runs with the configured extra options (QUICK_START_JVM).
      expect(readFileSync(`/proc/${running.pid}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining(QUICK_START_JVM));
      const second = await openDatabase({ ...dbConfig(), uri: running.uri });
      const { records } = await second.driver.executeQuery(
        "MATCH (p:Paper {id: 'paper:survivor'}) RETURN p.title AS t",
        {},
        { database: second.database },
      );
      await second.close();
      expect(records[0]?.get('t')).toBe('Survivor');
    });

    it('should let LOAD CSV read files under <data>/import only', async () => {
      writeFileSync(join(dataDir, 'import', 'allowed.csv'), 'name\nSMA\n');
      const outside = join(dataDir, '..', `outside-${process.pid}.csv`);
      writeFileSync(outside, 'name\nsecret\n');
      const db = await openDatabase({ ...dbConfig(), uri: running!.uri });
      try {
        const read = (url: string) =>
          db.driver.executeQuery(
            'LOAD CSV WITH HEADERS FROM $url AS row RETURN collect(row.name) AS names',
            { url },
            { database: db.database },
          );
        expect((await read('file:///allowed.csv')).records[0]?.get('names')).toEqual(['SMA']);
        await expect(read(`file://${outside}`)).rejects.toThrow(/Couldn't load the external resource/);
      } finally {
        await db.close();
        rmSync(outside, { force: true });
      }
    });

    it('should fail with a clear message when the port is taken', async () => {
      const otherDir = mkdtempSync(join(tmpdir(), 'methodgraph-launcher-other-'));
      try {
        const { code, stderr } = await runLauncher({ ...config, dataDir: otherDir });
        expect(code).toBe(1);
        expect(stderr.trim()).toBe(
          `methodgraph-db: port ${config.port} on 127.0.0.1 is already in use; stop what uses it or set METHODGRAPH_DB_PORT / --port`,
        );
      } finally {
        rmSync(otherDir, { recursive: true, force: true });
      }
    });

    it('should fail with a clear message when the data directory is locked', async () => {
      const { code, stderr } = await runLauncher({ ...config, port: await freePort() });
      expect(code).toBe(1);
      expect(stderr).toContain(`methodgraph-db: data directory ${dataDir} is locked by another Neo4j process`);
    });
  });

  it('should pass METHODGRAPH_DB_JAVA_OPTS to Java before the jar, and refuse a word that is not an option', () => {
    const quick = dbConfig({ METHODGRAPH_DB_JAVA_OPTS: ' -XX:TieredStopAtLevel=1  -Dmethodgraph.test=yes ' }).bundled;
    expect(quick.javaOptions).toEqual(['-XX:TieredStopAtLevel=1', '-Dmethodgraph.test=yes']);
    const args = launcherArgs(quick, false);
    expect(args.indexOf('-Dmethodgraph.test=yes')).toBeGreaterThan(args.indexOf(`-Xmx${quick.heap}`));
    expect(args.indexOf('-Dmethodgraph.test=yes')).toBeLessThan(args.indexOf('-jar'));
    expect(dbConfig({}).bundled.javaOptions).toEqual([]);
    expect(() => dbConfig({ METHODGRAPH_DB_JAVA_OPTS: '-Xss2m TieredStopAtLevel=1' })).toThrow(
      'methodgraph: environment variable METHODGRAPH_DB_JAVA_OPTS must be JVM options separated by spaces, each starting with "-", got "TieredStopAtLevel=1"',
    );
  });

  it('should refuse a non-loopback host when auth is off', async () => {
    const { code, stderr } = await runLauncher({ ...config, host: '0.0.0.0', port: await freePort() });
    expect(code).toBe(1);
    expect(stderr).toContain('refusing to listen on non-loopback host 0.0.0.0 with authentication off');
  });

  it('should report the launcher output when it dies before it is ready', async () => {
    await expect(startBundledDb({ ...config, pageCache: 'lots' })).rejects.toThrow(/page cache size must look like 256m or 1g, got lots/);
  });

  describe('with --bulk-import FILE', () => {
    /** A new data directory and the launcher arguments that import two papers and a citation into it. */
    const importSetup = async (nodesFile: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'methodgraph-launcher-import-'));
      writeFileSync(join(dir, 'papers.csv'), 'id:ID(Paper),:LABEL,title:string\n"paper:a",Paper,"A"\n"paper:b",Paper,"B"\n');
      writeFileSync(
        join(dir, 'cites.csv'),
        ':START_ID(Paper),:END_ID(Paper),:TYPE,id:string\n"paper:a","paper:b",CITES,"CITES:paper:a->paper:b"\n',
      );
      const args = join(dir, 'bulk-import.args');
      writeFileSync(args, ['--nodes', join(dir, nodesFile), '--relationships', join(dir, 'cites.csv'), ''].join('\n'));
      return { dir, config: ownBundledConfig(join(dir, 'neo4j'), await freePort()), args: ['--bulk-import', args] };
    };

    it('should import the files, then start Neo4j on them in the same process', async () => {
      const { dir, config: importConfig, args } = await importSetup('papers.csv');
      const lines: string[] = [];
      const started = await startBundledDb(importConfig, { firstStartArgs: args, onOutput: (l) => lines.push(l) });
      try {
        const db = await openDatabase({ ...dbConfig(), uri: started.uri });
        const { records } = await db.driver.executeQuery(
          'MATCH (a:Paper)-[r:CITES]->(b:Paper) RETURN a.id AS a, r.id AS r, b.title AS b',
          {},
          { database: db.database },
        );
        await db.close();
        expect(records.map((r) => [r.get('a'), r.get('r'), r.get('b')])).toEqual([['paper:a', 'CITES:paper:a->paper:b', 'B']]);
      } finally {
        await started.stop();
        rmSync(dir, { recursive: true, force: true });
      }
      const at = (text: string) => lines.findIndex((l) => l.includes(text));
      expect(at('IMPORT DONE')).toBeGreaterThanOrEqual(0);
      expect(at('IMPORTED')).toBeGreaterThan(at('IMPORT DONE'));
      expect(at('READY bolt://')).toBeGreaterThan(at('IMPORTED'));
    }, 300_000);

    it("should fail with the importer's reason and not start Neo4j when the import fails", async () => {
      const { dir, config: importConfig, args } = await importSetup('missing.csv');
      try {
        await expect(startBundledDb(importConfig, { firstStartArgs: args })).rejects.toThrow(
          `methodgraph-db bulk: no such CSV file: ${join(dir, 'missing.csv')}`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });

  it('should turn authentication on when a password is given', async () => {
    running = await startBundledDb({ ...config, password: 'test-password-1' });
    const db = await openDatabase({ ...dbConfig(), uri: running.uri, user: 'neo4j', password: 'test-password-1' });
    const { records } = await db.driver.executeQuery('RETURN 1 AS one', {}, { database: db.database });
    await db.close();
    expect(records[0]?.get('one').toNumber()).toBe(1);
    await expect(openDatabase({ ...dbConfig(), uri: running.uri, user: 'neo4j', password: 'wrong' })).rejects.toThrow(
      /authentication failure/,
    );
  });
});
