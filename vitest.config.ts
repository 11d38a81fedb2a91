// Vitest in three projects:
// - unit: no Neo4j, no browser; files run in parallel (`npm run test:unit` for the fast loop);
// - integration: one real Neo4j for the project (test/global-setup.ts), files one at a time since they share it;
// - e2e: the explorer in Debian's Chromium over its own real Neo4j, files one at a time.
// A test that needs Neo4j lives under an integration path or is named `*.db.test.ts`.
import { defineConfig } from 'vitest/config';

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
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...INTEGRATION, ...E2E, 'node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
                    globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
