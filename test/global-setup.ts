// Starts the bundled Neo4j on a free port with a temporary data directory for the whole test run,
// unless NEO4J_URI points at a Neo4j to use instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dbConfig } from '../src/neo4j/config.js';
import { startBundledDb, type RunningDb } from '../src/neo4j/bundled.js';
import { freePort } from './helpers/ports.js';

let running: RunningDb | undefined;
let dataDir: string | undefined;

export default async function setup(project: TestProject) {
  if (!process.env.NEO4J_URI) {
    dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-test-neo4j-'));
    const port = await freePort();
    running = await startBundledDb({ ...dbConfig().bundled, port, dataDir, heap: '1g' });
    process.env.NEO4J_URI = running.uri;
    process.env.METHODGRAPH_TEST_OWNS_DB = '1';
  }
  project.provide('neo4jUri', process.env.NEO4J_URI!);
  return async () => {
    await running?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}
