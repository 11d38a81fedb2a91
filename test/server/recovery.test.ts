// The API keeps running while Neo4j is down: /api/health answers 503 with a clear message, other
// endpoints 503 too, and both recover by themselves when Neo4j is back (a second bundled Neo4j of our own,
// holding the three papers of test/fixtures/ingest/papers.jsonl: what comes back matters, not how much).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { dbConfig, type BundledDbConfig } from '../../src/neo4j/config.js';
import { startBundledDb, type RunningDb } from '../../src/neo4j/bundled.js';
import { openDatabase, type Database } from '../../src/neo4j/driver.js';
import { ownBundledConfig } from '../helpers/db.js';
import { freePort } from '../helpers/ports.js';
import { ingest } from '../../ingest/run.js';

const PAPERS = join(import.meta.dirname, '..', 'fixtures', 'ingest', 'papers.jsonl');

let dataDir: string;
let config: BundledDbConfig;
let neo4jProcess: RunningDb | undefined;
let db: Database;
let app: FastifyInstance;
/** What the supervisor of the bundled Neo4j logged (deaths and restarts). */
const supervisorLog: string[] = [];

/** Starts this file's Neo4j supervised (restarted when Java dies); the machine may be busy, so wait as long as the hooks allow. */
function startSupervised(): Promise<RunningDb> {
  return startBundledDb(config, { restart: true, log: (line) => supervisorLog.push(line), timeoutMs: 400_000 });
}

/** Polls until the predicate holds; the test fails by its own timeout otherwise. */
async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-recovery-'));
  config = ownBundledConfig(dataDir, await freePort());
  neo4jProcess = await startSupervised();
  db = await openDatabase({ ...dbConfig(), uri: neo4jProcess.uri });
  const loaded = await ingest(db, { files: [PAPERS] });
  if (loaded.rejected > 0) throw new Error(`test/server/recovery: ${PAPERS} had ${loaded.rejected} rejected record(s)`);
  app = await buildApp({ db, healthTimeoutMs: 2_000 });
}, 600_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await neo4jProcess?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('server/app', () => {
  describe('when Neo4j stops and starts again', () => {
    it('should answer 503 while Neo4j is down and 200 again once it is back', async () => {
      const up = await app.inject({ method: 'GET', url: '/api/health' });
      expect(up.statusCode).toBe(200);

      await neo4jProcess!.stop();
      const down = await app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(503);
      const body = down.json();
      expect(body.status).toBe('unavailable');
      expect(body.error.code).toBe('database_unavailable');
      expect(body.error.message).toMatch(/Neo4j is not reachable/);
      expect(down.body).not.toMatch(/\n\s+at /);

      const search = await app.inject({ method: 'GET', url: '/api/search?q=mambamixer' });
      expect(search.statusCode).toBe(503);
      expect(search.json().error.code).toBe('database_unavailable');

      neo4jProcess = await startSupervised();
      const recovered = await eventually(
        () => app.inject({ method: 'GET', url: '/api/health' }),
        (res) => res.statusCode === 200,
      );
      expect(recovered.json().counts.nodes.Architecture).toBeGreaterThan(0);
      const again = await eventually(
        () => app.inject({ method: 'GET', url: '/api/search?q=mambamixer' }),
        (res) => res.statusCode === 200,
      );
      expect(again.json().results.length).toBeGreaterThan(0);
    }, 600_000);
  });

  describe('when the Java process of a supervised bundled Neo4j is killed', () => {
    it('should log it, restart it with backoff, and go from 503 back to 200 by itself', async () => {
      await eventually(
        () => app.inject({ method: 'GET', url: '/api/health' }),
        (res) => res.statusCode === 200,
      );

      const killed = neo4jProcess!.pid;
      process.kill(killed, 'SIGKILL');
      await eventually(
        () => app.inject({ method: 'GET', url: '/api/health' }),
        (res) => res.statusCode === 503,
      );
      const back = await eventually(
        () => app.inject({ method: 'GET', url: '/api/health' }),
        (res) => res.statusCode === 200,
      );
      expect(back.json().counts.nodes.Architecture).toBeGreaterThan(0);
      expect(neo4jProcess!.pid).not.toBe(killed);
      expect(supervisorLog.join('\n')).toMatch(new RegExp(`the bundled Neo4j \\(pid ${killed}\\) died \\(SIGKILL\\); restarting it`));
      expect(supervisorLog.join('\n')).toMatch(/the bundled Neo4j is running again/);
    }, 900_000);
  });
});
