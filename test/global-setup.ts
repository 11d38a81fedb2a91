// Starts the bundled Neo4j on a free port with a temporary data directory, once for the whole test
// run: the integration and e2e projects both list this file, run one after the other (groupOrder)
// and share the one Neo4j, so the run pays for one Java start. With NEO4J_URI set, that Neo4j is
// used instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dbConfig } from '../src/neo4j/config.js';
import { startBundledDb, type RunningDb } from '../src/neo4j/bundled.js';
import { QUICK_START_JVM } from './helpers/jvm.js';
import { freePort } from './helpers/ports.js';

/** The run's Neo4j; `dataDir` is empty when it is not ours (NEO4J_URI). */
export interface TestNeo4j {
  uri: string;
  dataDir: string;
}

interface Shared {
  started: Promise<{ db: TestNeo4j; running?: RunningDb }>;
  users: number;
}

// Global setups of every project run in the one main Vitest process; the Neo4j they share is kept
// on globalThis because each project may load this module afresh.
const KEY = Symbol.for('methodgraph.test.neo4j');
const holder = globalThis as unknown as { [KEY]?: Shared };

async function start(): Promise<{ db: TestNeo4j; running?: RunningDb }> {
  const external = process.env.NEO4J_URI;
  if (external) return { db: { uri: external, dataDir: '' } };
  const dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-test-neo4j-'));
  const config = dbConfig().bundled;
  const port = await freePort();
  // A busy machine can take minutes to start Java: wait up to METHODGRAPH_DB_START_TIMEOUT, at least 400 s.
  const timeoutMs = Math.max(config.startTimeoutSeconds ?? 0, 400) * 1000;
  try {
    // The client compiler only, as every test Neo4j: half of this Java's CPU went to the C2
    // compiler threads, compiling for queries that mostly run a few times each. METHODGRAPH_DB_JAVA_OPTS
    // come after, so that they win (the JVM takes the last of two contrary flags).
    const javaOptions = [...QUICK_START_JVM, ...(config.javaOptions ?? [])];
    const running = await startBundledDb({ ...config, port, dataDir, heap: '1g', javaOptions }, { timeoutMs });
    // Test files and the processes they spawn find it as any command would.
    process.env.NEO4J_URI = running.uri;
    return { db: { uri: running.uri, dataDir }, running };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** The run's Neo4j, started by the first project that asks for it. */
export async function sharedNeo4j(): Promise<{ db: TestNeo4j; release(): Promise<void> }> {
  const shared = (holder[KEY] ??= { started: start(), users: 0 });
  shared.users++;
  const { db, running } = await shared.started;
  let released = false;
  return {
    db,
    async release() {
      if (released) return;
      released = true;
      if (--shared.users > 0) return;
      delete holder[KEY];
      await running?.stop();
      if (running) {
        delete process.env.NEO4J_URI;
        rmSync(db.dataDir, { recursive: true, force: true });
      }
    },
  };
}

export default async function setup(project: TestProject) {
  const { db, release } = await sharedNeo4j();
  project.provide('neo4jUri', db.uri);
  project.provide('neo4jDataDir', db.dataDir);
  return release;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** The data directory of the run's own Neo4j; empty when NEO4J_URI names another one. */
    neo4jDataDir: string;
  }
}
