// Integration tests of the schema and the driver module against the test run's Neo4j (the bundled
// launcher's own processes are tested in launcher.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { applySchema, schemaStatements } from '../../src/neo4j/schema.js';
import { freshTestDatabase } from '../helpers/db.js';

describe('db/bundled', () => {
  let db: Database;

  beforeAll(async () => {
    db = await freshTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  describe('#applySchema', () => {
    it('should apply the schema twice without error and create every constraint', async () => {
      await applySchema(db);
      await applySchema(db);
      const session = db.session('READ');
      try {
        const result = await session.run('SHOW CONSTRAINTS YIELD labelsOrTypes RETURN collect(labelsOrTypes[0]) AS labels');
        const labels = result.records[0]!.get('labels') as string[];
        for (const label of ['Paper', 'Method', 'Architecture', 'Dataset', 'Concept', 'Repository', 'Author']) {
          expect(labels).toContain(label);
        }
        const fulltext = await session.run("SHOW FULLTEXT INDEXES YIELD name, state WHERE name = 'node_text' RETURN state");
        expect(fulltext.records[0]?.get('state')).toBe('ONLINE');
      } finally {
        await session.close();
      }
      expect(schemaStatements().every((s) => /IF NOT EXISTS/.test(s))).toBe(true);
    });
  });

  describe('#openDatabase', () => {
    it('should round-trip a write and a read', async () => {
      await db.driver.executeQuery(
        "MERGE (m:Method {id: 'method:round-trip'}) SET m.name = $name",
        { name: 'Round Trip' },
        { database: db.database },
      );
      const { records } = await db.driver.executeQuery(
        "MATCH (m:Method {id: 'method:round-trip'}) RETURN m.name AS name",
        {},
        { database: db.database, routing: 'READ' },
      );
      expect(records[0]?.get('name')).toBe('Round Trip');
    });
  });
});
