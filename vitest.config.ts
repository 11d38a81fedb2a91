// Vitest in three projects:
// - unit: no Neo4j, no browser; files in parallel, two at a time (`npm run test:unit` for the fast loop);
// - e2e: the explorer in Debian's Chromium; its global setup builds dist/ and loads the default
//   corpus once, and the files reuse it as long as none writes (test/helpers/corpus.ts);
// - integration: files one at a time against the same Neo4j.
// Integration and e2e share one Neo4j (test/global-setup.ts), so they run one after the other: on
// two cores a second Java and the browser competing with the integration files cost more than they gain.
// A test that needs Neo4j lives under an integration path or is named `*.db.test.ts`.
import { defineConfig } from 'vitest/config';
import { CorpusSequencer } from './test/helpers/sequencer.js';

const INTEGRATION = [
  // Every server test but the pure Lucene-escaping one.
  'test/server/!(lucene).test.ts',
  'test/server/*/**/*.test.ts',
  'test/neo4j/**/*.test.ts',
  'test/main.test.ts',
  'test/ingest/load/**/*.test.ts',
  'test/ingest/run*.test.ts',
  'test/ingest/cli*.test.ts',
  'test/**/*.db.test.ts',
];
const E2E = ['test/web/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Readers of the shared default corpus first, so that it is loaded as few times as possible.
    sequence: { sequencer: CorpusSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...INTEGRATION, ...E2E, 'node_modules/**'],
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
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
