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

/** Whether a schema statement creates a constraint (whose index is populated before the statement returns). */
function isConstraint(statement: string): boolean {
  return /^CREATE\s+CONSTRAINT\b/i.test(statement);
}

export interface LoadedGraphSchemaOptions {
  /** How many constraints are created at once (each in its own session). */
  lanes: number;
  /** How long to wait for the index populations at the end. */
  awaitSeconds: number;
}

/**
 * Applies the schema to a database that already holds its graph (after a bulk import). The indexes
 * go first: each statement returns at once and its index populates in the background. Then the
 * constraints, `lanes` at a time: each populates its index before it returns, so one after another
 * they are one pass each over their label or type with the cores idle between them; side by side
 * they overlap each other and the index populations.
 */
export async function applySchemaToLoadedGraph(db: Database, options: LoadedGraphSchemaOptions): Promise<void> {
  const statements = schemaStatements();
  const indexes = statements.filter((s) => !isConstraint(s));
  const constraints = statements.filter(isConstraint);
  const run = async (session: ReturnType<Database['session']>, statement: string) => {
    await session.executeWrite((tx) => tx.run(statement));
  };
  const first = db.session('WRITE');
  try {
    for (const statement of indexes) await run(first, statement);
  } finally {
    await first.close();
  }
  let next = 0;
  const lane = async () => {
    const session = db.session('WRITE');
    try {
      while (next < constraints.length) await run(session, constraints[next++]!);
    } finally {
      await session.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.lanes, constraints.length)) }, lane));
  const last = db.session('WRITE');
  try {
    await last.run(`CALL db.awaitIndexes(${Math.round(options.awaitSeconds)})`);
  } finally {
    await last.close();
  }
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
