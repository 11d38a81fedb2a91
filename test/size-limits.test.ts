// Keeps the code base in small pieces: no TypeScript source file over 400 lines, and no function over
// 100 lines in ingest/extract or src/server (measured from the parsed source with the TypeScript compiler).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['src', 'ingest', 'bench', 'scripts', 'test'];
const MAX_FILE_LINES = 400;
const FUNCTION_DIRS = ['ingest/extract', 'src/server'];
const MAX_FUNCTION_LINES = 100;

/** Every .ts and .tsx file under a folder of the repository (relative paths). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(child);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        out.push(relative(ROOT, child));
      }
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

/** Lines a file spans (a final newline does not start another line). */
function fileLines(source: ts.SourceFile): number {
  const text = source.getFullText();
  return source.getLineStarts().length - (text.endsWith('\n') ? 1 : 0);
}

/** The name a function is known by: its own, its variable's, its property's or its class member's. */
function functionName(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  return '(anonymous)';
}

/** Every function, method, accessor, constructor and arrow function with the lines its body spans. */
function functionLengths(source: ts.SourceFile): { name: string; line: number; lines: number }[] {
  const out: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const start = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
      out.push({ name: functionName(fn), line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('size limits', () => {
  describe('#fileLines', () => {
    it('should count the lines of a file with and without a final newline', () => {
      expect(fileLines(ts.createSourceFile('a.ts', 'a;\nb;\n', ts.ScriptTarget.Latest))).toBe(2);
      expect(fileLines(ts.createSourceFile('a.ts', 'a;\nb;', ts.ScriptTarget.Latest))).toBe(2);
    });
  });

  describe('#functionLengths', () => {
    it('should measure declarations, methods and arrow functions, nested ones too', () => {
      const source = ts.createSourceFile(
        'a.ts',
        [
          'function outer() {',
          '  const inner = () => {',
          '    return 1;',
          '  };',
          '  return inner();',
          '}',
          'class C {',
          '  m() {',
          '    return 2;',
          '  }',
          '}',
        ].join('\n'),
        ts.ScriptTarget.Latest,
        true,
      );
      expect(functionLengths(source)).toEqual([
        { name: 'outer', line: 1, lines: 6 },
        { name: 'inner', line: 2, lines: 3 },
        { name: 'm', line: 8, lines: 3 },
      ]);
    });
  });

  it(`should keep every TypeScript source file at ${MAX_FILE_LINES} lines or fewer`, () => {
    const files = SOURCE_DIRS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const tooLong = files.map((file) => ({ file, lines: fileLines(parse(file)) })).filter((f) => f.lines > MAX_FILE_LINES);
    expect(tooLong).toEqual([]);
  });

  it(`should keep every function in ${FUNCTION_DIRS.join(' and ')} at ${MAX_FUNCTION_LINES} lines or fewer`, () => {
    const files = FUNCTION_DIRS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(20);
    const tooLong = files.flatMap((file) =>
      functionLengths(parse(file))
        .filter((f) => f.lines > MAX_FUNCTION_LINES)
        .map((f) => `${file}:${f.line} ${f.name} (${f.lines} lines)`),
    );
    expect(tooLong).toEqual([]);
  });
});
