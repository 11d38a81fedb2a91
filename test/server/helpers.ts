// Test set-up for the API: the test run's Neo4j loaded with the default corpus, an app built on it,
// and the graph counts that refused writes must leave unchanged.
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import type { Database } from '../../src/neo4j/driver.js';
import { sharedDefaultCorpus } from '../helpers/corpus.js';
import { openTestDatabase } from '../helpers/db.js';

/** The test database holding exactly the default corpus (data/papers-listing.txt), loaded once for the files that only read it. */
export async function corpusDatabase(): Promise<Database> {
  const db = await openTestDatabase();
  await sharedDefaultCorpus(db);
  return db;
}

export async function testApp(db: Database, options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ db, ...options });
  await app.ready();
  return app;
}

/** Counts of every node, relationship and node property: compared before and after refused writes. */
export async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number; props: number }> {
  const session = db.session('READ');
  try {
    const result = await session.run(
      'MATCH (n) WITH count(n) AS nodes, sum(size(keys(n))) AS props RETURN nodes, props, COUNT { ()-[]->() } AS relationships',
    );
    const r = result.records[0]!;
    return { nodes: Number(r.get('nodes')), relationships: Number(r.get('relationships')), props: Number(r.get('props')) };
  } finally {
    await session.close();
  }
}
