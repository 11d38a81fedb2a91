// Test set-up for the API: the test run's Neo4j loaded with the default corpus, and an app built on it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/driver.js';
import { projectRoot } from '../../src/server/paths.js';
import { freshTestDatabase } from '../helpers/db.js';
import { loadFixture } from './fixture.js';

/** The test database with the default corpus (or, until ingest exists, the small fixture graph). */
export async function corpusDatabase(): Promise<Database> {
  const db = await freshTestDatabase();
  const helper = join(projectRoot, 'test', 'helpers', 'corpus.ts');
  if (existsSync(helper)) {
    const { loadDefaultCorpus } = (await import(/* @vite-ignore */ helper)) as { loadDefaultCorpus: (db: Database) => Promise<void> };
    await loadDefaultCorpus(db);
  } else {
    await loadFixture(db);
  }
  return db;
}

export async function testApp(db: Database, options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ db, ...options });
  await app.ready();
  return app;
}

/** Counts of every node and relationship: compared before and after refused writes. */
export async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number; labels: string[]; props: number }> {
  const session = db.session('READ');
  try {
    const result = await session.run(
      `MATCH (n) WITH count(n) AS nodes, sum(size(keys(n))) AS props
       RETURN nodes, props, COUNT { ()-[]->() } AS relationships, [l IN COLLECT { CALL db.labels() YIELD label RETURN label } | l] AS labels`,
    );
    const r = result.records[0]!;
    return {
      nodes: Number(r.get('nodes')),
      relationships: Number(r.get('relationships')),
      props: Number(r.get('props')),
      labels: (r.get('labels') as string[]).sort(),
    };
  } finally {
    await session.close();
  }
}
