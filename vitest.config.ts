// Vitest in seven projects:
// - unit: no Neo4j, no browser; files in parallel, two at a time (`npm run test:unit` for the fast loop);
// - e2e: the explorer in Debian's Chromium; its global setup builds dist/ and loads the default
//   corpus once, and the files reuse it as long as none writes (test/helpers/corpus.ts);
// - integration: files one at a time against the same Neo4j;
// - ingest-db: the ingest files that load their own corpora into a Neo4j, one at a time;
// - ingest-incremental: the same for papers that arrive in separate ingests (a project of its own so
//   that `npm test` can run it in the other lane, see below);
// - ingest-cli: the files that run the ingest and fetch commands as child processes against a Neo4j
//   of their own, one at a time (they need neither the default corpus nor the run's Neo4j);
// - standalone: files that start, stop and kill Neo4j processes of their own (npm start, restarts,
//   locks, the bulk importer) and never touch the run's; one at a time.
// `npm test` (scripts/test.mjs) runs two lanes at once: e2e, integration and ingest-db in one Vitest,
// one after the other on one Neo4j (test/global-setup.ts); in the other, unit and standalone, which
// need no Neo4j of the run (so the unit files start at once instead of after the global setups), then
// ingest-incremental and ingest-cli in a Vitest of its own with a Neo4j of its own; the type check and
// the lint go to whichever lane is over first. That evens out the two lanes' lengths.
// Given arguments, one Vitest runs all seven projects one after another on one Neo4j.
// A test that needs Neo4j lives under an integration, ingest-db or standalone path or is named `*.db.test.ts`.
import { defineConfig } from 'vitest/config';
import { CorpusSequencer } from './test/helpers/sequencer.js';

const INTEGRATION = [
  // Every server test but the pure Lucene-escaping one.
  'test/server/!(lucene).test.ts',
  'test/server/*/**/*.test.ts',
  'test/neo4j/**/*.test.ts',
  'test/ingest/load/**/*.test.ts',
  'test/**/*.db.test.ts',
];
/** Ingest files that empty the database and load corpora of their own. */
export const INGEST_DB = ['test/ingest/run.test.ts', 'test/ingest/load/writer.test.ts'];
/** Ingest files that load corpora of their own in separate runs. */
export const INGEST_INCREMENTAL = ['test/ingest/run-incremental.test.ts'];
/** Ingest files that run the ingest and fetch commands as child processes. */
export const INGEST_CLI = ['test/ingest/cli*.test.ts', 'test/ingest/fetch/*.db.test.ts'];
const E2E = ['test/web/e2e/**/*.test.ts'];
/** Files that start Neo4j processes of their own; they need neither the run's Neo4j nor its corpus. */
export const STANDALONE = [
  'test/main.test.ts',
  'test/server/recovery.test.ts',
  'test/neo4j/lock.test.ts',
  'test/neo4j/launcher.test.ts',
  'test/ingest/load/bulk.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // A worker keeps the modules it imported from one test file to the next (each file still runs
    // afresh): importing the server, the ingest pipeline, Vite and Playwright costs seconds of CPU a
    // file, and no test changes module state that another relies on (no mocks, no stubbed globals).
    isolate: false,
    // Readers of the shared default corpus first, so that it is loaded as few times as possible.
    sequence: { sequencer: CorpusSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...INTEGRATION, ...INGEST_DB, ...INGEST_INCREMENTAL, ...INGEST_CLI, ...E2E, ...STANDALONE, 'node_modules/**'],
          // Vitest's default is one worker fewer than the cores, one on a 2-core machine: the files
          // are CPU-bound and the main process idles meanwhile, so two workers use both cores.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          globalSetup: ['test/web/e2e/global-setup.ts', 'test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          exclude: [...STANDALONE, ...INGEST_DB, ...INGEST_CLI, 'node_modules/**'],
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'standalone',
          include: STANDALONE,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
      {
        extends: true,
        test: {
          name: 'ingest-db',
          include: INGEST_DB,
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 4 },
        },
      },
      {
        extends: true,
        test: {
          name: 'ingest-incremental',
          include: INGEST_INCREMENTAL,
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 5 },
        },
      },
      {
        extends: true,
        test: {
          name: 'ingest-cli',
          include: INGEST_CLI,
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 6 },
        },
      },
    ],
  },
});
