// One database however it is started: the data directory's lock file lets openDatabase (what the
// server and `npm run ingest` call) find the bundled Neo4j that `npm run db:start` runs, keeps
// another data directory from reaching it, and db:stop stops only the directory's own Neo4j.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbConfig, type BundledDbConfig } from '../../src/neo4j/config.js';
import { startBundledDb, startDetached, stopDetached } from '../../src/neo4j/bundled.js';
import { isAlive, lockPath, readLock, type DbLock } from '../../src/neo4j/db-lock.js';
import { openDatabase } from '../../src/neo4j/driver.js';
import { ownBundledConfig } from '../helpers/db.js';
import { freePort } from '../helpers/ports.js';

let root: string;
let config: BundledDbConfig;
let lock: DbLock | undefined;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'methodgraph-lock-'));
  config = ownBundledConfig(join(root, 'a'), await freePort());
  lock = await startDetached(config, 300_000);
}, 320_000);

afterAll(async () => {
  if (lock && isAlive(lock.pid)) await stopDetached(config);
  rmSync(root, { recursive: true, force: true });
});

describe('neo4j/db-lock', () => {
  it('should record pid, port, uri and data directory in the directory', () => {
    expect(readLock(config.dataDir)).toMatchObject({
      pid: lock!.pid,
      port: config.port,
      ownerPid: null,
      uri: `bolt://127.0.0.1:${config.port}`,
    });
  });

  it('should let openDatabase (server and ingest) use the running Neo4j of the same directory', async () => {
    const db = await openDatabase({ ...dbConfig(), uri: undefined, bundled: config });
    try {
      expect(db.bundled).toBeUndefined();
      expect(db.uri).toBe(lock!.uri);
      await db.driver.executeQuery("MERGE (p:Paper {id: 'paper:lock-test'}) SET p.title = 'Lock'", {}, { database: db.database });
    } finally {
      await db.close();
    }
    expect(isAlive(lock!.pid)).toBe(true);
  });

  it('should refuse a second Neo4j on the same directory, naming the running one', async () => {
    await expect(startBundledDb({ ...config, port: await freePort() })).rejects.toThrow(
      new RegExp(`already running \\(pid ${lock!.pid}, ${lock!.uri.replace(/\./g, '\\.')}, started by npm run db:start\\)`),
    );
  });

  it('should not let another data directory reach this Neo4j through its port', async () => {
    const other = { ...config, dataDir: join(root, 'b') };
    await expect(startBundledDb(other, { timeoutMs: 300_000 })).rejects.toThrow(/port \d+ on 127\.0\.0\.1 is already in use/);
    expect(await stopDetached(other)).toBeUndefined();
    expect(isAlive(lock!.pid)).toBe(true);
  }, 320_000);

  it('should refuse a lock file that names another directory (copied with the data)', () => {
    const copy = join(root, 'copy');
    mkdirSync(copy, { recursive: true });
    writeFileSync(lockPath(copy), JSON.stringify(lock));
    expect(() => readLock(copy)).toThrow(/belongs to the Neo4j of .*\/a \(pid \d+/);
  });

  it("should stop the directory's own Neo4j with db:stop and return only once it has exited", async () => {
    const stopped = await stopDetached(config);
    expect(stopped?.pid).toBe(lock!.pid);
    expect(isAlive(lock!.pid)).toBe(false);
    expect(readLock(config.dataDir)).toBeUndefined();
  }, 120_000);
});
