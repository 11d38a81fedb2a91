// Applies cypher/schema.cypher (constraints and indexes, all IF NOT EXISTS) idempotently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './driver.js';
import { cypherDir } from './paths.js';

/** Splits a Cypher script into statements, dropping `//` comment lines. */
export function splitStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function schemaStatements(): string[] {
  return splitStatements(readFileSync(join(cypherDir, 'schema.cypher'), 'utf8'));
}

export async function applySchema(db: Database): Promise<void> {
  const session = db.session('WRITE');
  try {
    for (const statement of schemaStatements()) {
      await session.run(statement);
    }
    await session.run('CALL db.awaitIndexes(60)');
  } finally {
    await session.close();
  }
}
