// Before the end-to-end files: builds the explorer into dist/ once (when its sources changed) and
// loads the default corpus into the run's Neo4j, so that each file only starts a server and a browser.
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../src/neo4j/driver.js';
import { dbConfig } from '../../../src/neo4j/config.js';
import { sharedDefaultCorpus } from '../../helpers/corpus.js';
import { sharedNeo4j } from '../../global-setup.js';
import { ensureDist } from './harness.js';

/** Listed before test/global-setup.ts, so the build runs while Java starts. */
export default async function setup(_project: TestProject) {
  const [{ db: neo4j, release }] = await Promise.all([sharedNeo4j(), ensureDist()]);
  try {
    const db = await openDatabase({ ...dbConfig(), uri: neo4j.uri });
    try {
      await sharedDefaultCorpus(db, neo4j.dataDir);
    } finally {
      await db.close();
    }
  } catch (err) {
    await release();
    throw err;
  }
  return release;
}
