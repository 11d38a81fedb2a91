// The module boundaries of DESIGN.md: ingest/ and src/server/ never import each other (both reach Neo4j
// through src/neo4j/), and the web app imports nothing outside src/web/ but src/shared/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/neo4j/paths.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

/** Project-relative paths of the relative imports (static and dynamic) of one file. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((spec) => relative(projectRoot, resolve(dirname(file), spec)));
}

function violations(fromDir: string, allowed: (target: string) => boolean): string[] {
  return sourceFiles(join(projectRoot, fromDir)).flatMap((file) =>
    importsOf(file)
      .filter((target) => !allowed(target))
      .map((target) => `${relative(projectRoot, file)} imports ${target}`),
  );
}

describe('module boundaries', () => {
  it('ingest/ does not import src/server/', () => {
    expect(violations('ingest', (t) => !t.startsWith('src/server/'))).toEqual([]);
  });

  it('src/server/ does not import ingest/', () => {
    expect(violations('src/server', (t) => !t.startsWith('ingest/'))).toEqual([]);
  });

  it('src/neo4j/ imports neither the server nor the ingest', () => {
    expect(violations('src/neo4j', (t) => !t.startsWith('ingest/') && !t.startsWith('src/server/'))).toEqual([]);
  });

  it('the web app imports only src/web/ and src/shared/', () => {
    expect(violations('src/web', (t) => t.startsWith('src/web/') || t.startsWith('src/shared/'))).toEqual([]);
  });
});
